import postgres from 'postgres'
import { test } from 'bun:test'
import { testDatabaseUrl } from '../../scripts/test-preflight/test-machine-facts.ts'

export const ADMIN_DATABASE_URL = testDatabaseUrl()

async function realPostgresReachable(): Promise<boolean> {
  const probe = postgres(ADMIN_DATABASE_URL, { max: 1, connect_timeout: 2, onnotice: () => {} })
  try {
    await probe`SELECT 1`
    return true
  } catch {
    return false
  } finally {
    await probe.end({ timeout: 1 }).catch(() => {})
  }
}

/**
 * 'real' when a PostgreSQL server answers at TEST_DATABASE_URL (or the local default);
 * otherwise 'embedded' (PGlite), unless REQUIRE_REAL_DB=1 (CI), where that is an error.
 */
export const databaseMode: 'real' | 'embedded' = (await realPostgresReachable()) ? 'real' : 'embedded'

if (databaseMode === 'embedded' && process.env.REQUIRE_REAL_DB === '1') {
  throw new Error(`REQUIRE_REAL_DB=1 but no PostgreSQL answers at ${ADMIN_DATABASE_URL} (run scripts/setup-postgres.sh)`)
}

/**
 * A test that only means something on a real PostgreSQL server (pg_cron, row locks between
 * connections, LISTEN/NOTIFY across connections, other processes). On the embedded fallback it is
 * skipped, saying why; with REQUIRE_REAL_DB=1 the fallback never happens.
 */
export function realPostgresTest(reason: string) {
  if (databaseMode === 'real') return test
  return ((name: string, ...rest: unknown[]) => {
    console.log(`skipped on embedded PGlite: "${name}" — needs a real PostgreSQL server (${reason})`)
    return (test.skip as (name: string, ...args: unknown[]) => void)(name, ...rest)
  }) as typeof test
}
