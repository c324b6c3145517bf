import { CliError } from '#shared/cli/cli-error.ts'
import { isConnectionFailure } from '#shared/cli/describe-failure.ts'
import { checkDatabaseUrl } from '#shared/config/index.ts'
import { createSql, type Sql } from '#shared/db/create-sql.ts'

/** Where `bun run dev` serves its embedded database, and where the operator CLIs look for it without DATABASE_URL. */
export const embeddedDatabasePort = () => Number(process.env.EMBEDDED_DB_PORT || 5499)

/**
 * DATABASE_URL, checked as the servers check it (one line naming it when it is malformed), or
 * undefined when it is not set.
 */
export function configuredDatabaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL
  if (url) checkDatabaseUrl(url)
  return url || undefined
}

/** The database an operator CLI works on: DATABASE_URL, else the embedded one a running `bun run dev` serves. */
export function cliDatabaseUrl(): string {
  return configuredDatabaseUrl() ?? `postgres://postgres@127.0.0.1:${embeddedDatabasePort()}/postgres`
}

/**
 * Runs work on the CLI's database and closes the pool. Without DATABASE_URL an unreachable
 * database means `bun run dev` is not running, and the failure says so.
 */
export async function withCliDatabase<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = createSql(cliDatabaseUrl(), { max: 1 })
  try {
    await sql`SELECT 1`.catch((error: unknown) => {
      if (!process.env.DATABASE_URL && isConnectionFailure(error)) {
        throw new CliError(
          `no database: DATABASE_URL is not set and no \`bun run dev\` embedded database answers on port ${embeddedDatabasePort()}; start \`bun run dev\` or set DATABASE_URL`,
        )
      }
      throw error
    })
    return await work(sql)
  } finally {
    await sql.end({ timeout: 5 })
  }
}
