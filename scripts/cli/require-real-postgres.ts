import { CliError } from '#shared/cli/cli-error.ts'
import { ADMIN_DATABASE_URL, databaseMode } from '../../tests/support/database-mode.ts'

/** A measurement on the embedded PGlite fallback would mean nothing: refuse, naming the URL tried (password hidden). */
export function requireRealPostgres() {
  if (databaseMode === 'real') return
  const url = new URL(ADMIN_DATABASE_URL)
  if (url.password) url.password = '***'
  throw new CliError(`needs a real PostgreSQL and none answers at ${url}: start it, or set TEST_DATABASE_URL`)
}
