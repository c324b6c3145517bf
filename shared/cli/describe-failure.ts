import { ConfigError } from '../config/config-error.ts'
import { HttpError } from '../http/http-error.ts'
import { CliError } from './cli-error.ts'

export interface DescribedFailure {
  line: string
  exitCode: number
}

type ErrorFields = Error & { code?: unknown; address?: unknown; port?: unknown; hostname?: unknown; path?: unknown }

const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  CONNECT_TIMEOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  CONNECTION_CLOSED: 'connection closed',
  CONNECTION_ENDED: 'connection ended',
  CONNECTION_DESTROYED: 'connection destroyed',
}

const FILE_CODES: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'not a directory',
}

// What to do about the PostgreSQL errors a wrong database URL (in `variable`) or an unmigrated database gives (SQLSTATE)
const POSTGRES_HINTS: Record<string, (variable: string) => string> = {
  '3D000': (variable) => `create it, or fix the database name in ${variable}`,
  '28P01': (variable) => `check the password in ${variable}`,
  '28000': (variable) => `check the user in ${variable} and pg_hba.conf`,
  '53300': () => 'try again when connections free up, or raise max_connections',
  '57P03': () => 'wait for the server to finish starting, then try again',
  '42P01': () => 'is the database migrated? (bun run db:migrate)',
}

/** What to do about a PostgreSQL error (by SQLSTATE) that the URL in `variable` ran into, when it is one an operator can fix. */
export function postgresHint(sqlState: string, variable = 'DATABASE_URL'): string | undefined {
  return POSTGRES_HINTS[sqlState]?.(variable)
}

/** Where a connection went: fetch names the URL (path), postgres.js and DNS the host and port. */
function unreachable(error: ErrorFields, why: string): string {
  if (typeof error.path === 'string' && /^https?:/.test(error.path)) {
    return `cannot reach ${new URL(error.path).origin} (${why}): is the server running? (bun run dev)`
  }
  const host = typeof error.address === 'string' ? error.address : typeof error.hostname === 'string' ? error.hostname : 'the database'
  const port = typeof error.port === 'number' || typeof error.port === 'string' ? `:${error.port}` : ''
  return `cannot reach PostgreSQL at ${host}${port} (${why}): is it running? Check DATABASE_URL`
}

/** A connection that could not be made or was lost (postgres.js, fetch, DNS). */
export function isConnectionFailure(error: unknown): boolean {
  const code = (error as ErrorFields | null)?.code
  return typeof code === 'string' && code in CONNECTION_CODES
}

/**
 * The one line (and exit code) for a failure whose cause is outside the program: a wrong flag,
 * an unreachable database, a missing file, a bad setting. Null for anything else: a bug keeps its
 * stack trace.
 */
export function describeFailure(error: unknown): DescribedFailure | null {
  if (error instanceof CliError) return { line: error.message, exitCode: error.exitCode }
  if (error instanceof ConfigError) return { line: `Config error: ${error.message}`, exitCode: 1 }
  if (error instanceof HttpError) return { line: error.message, exitCode: 1 }
  if (!(error instanceof Error)) return null
  const fields = error as ErrorFields
  const code = typeof fields.code === 'string' ? fields.code : ''
  if (code.startsWith('ERR_PARSE_ARGS_')) return { line: error.message, exitCode: 2 }
  if (isConnectionFailure(error)) return { line: unreachable(fields, CONNECTION_CODES[code] ?? code), exitCode: 1 }
  const hint = error.name === 'PostgresError' ? postgresHint(code) : undefined
  if (hint) return { line: `PostgreSQL: ${error.message}: ${hint}`, exitCode: 1 }
  if (code === 'EADDRINUSE') return { line: `${error.message}: stop what holds the port, or choose another (SERVERn_PORT, EMBEDDED_DB_PORT)`, exitCode: 1 }
  if (FILE_CODES[code] && typeof fields.path === 'string') return { line: `${fields.path}: ${FILE_CODES[code]}`, exitCode: 1 }
  return null
}
