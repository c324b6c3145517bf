/** `bun run db:migrate`: apply pending migrations to DATABASE_URL. */
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { CliError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { migrate } from '#shared/db/migrate.ts'
import { configuredDatabaseUrl } from './cli/cli-database.ts'

loadDotenv({ quiet: true })
await runCli('db:migrate', async () => {
  parseArgs({ args: process.argv.slice(2), options: {}, strict: true })
  const url = configuredDatabaseUrl()
  if (!url) throw new CliError('DATABASE_URL is missing: expected a postgres:// URL (bun run dev migrates its embedded database itself)')
  const { applied } = await migrate(url)
  console.log(applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`)
}, { usage: 'bun run db:migrate' })
