import { accessSync, constants, statSync } from 'node:fs'
import postgres from 'postgres'
import { isLocalDatabase } from '#shared/config/index.ts'

/** Where the suite's PostgreSQL is and what it has; tests/support/database-mode.ts uses the same URL. */
export interface DatabaseFacts {
  /** the URL with its password hidden, for messages */
  shown: string
  host: string
  port: number
  /** on this machine: a local Debian cluster can be set up by scripts/setup-postgres.sh */
  local: boolean
  server:
    /** error: the errno code (ECONNREFUSED…) or the server's message; errno or sqlState says which */
    | { reachable: false; error: string; errno?: string; sqlState?: string }
    | { reachable: true; versionNum: number; preload: string[]; cronDatabase: string | null; cronExtension: boolean; maxConnections: number }
}

export interface ChromiumFacts {
  path: string
  /** CHROMIUM_PATH chose it (else Debian's /usr/bin/chromium) */
  fromEnv: boolean
  executable: boolean
}

/** What this machine allows the preflight to do about a gap. Probed only when there is one. */
export interface HostFacts {
  /** runs scripts/setup-*.sh without a prompt: as root, or with passwordless sudo (the scripts re-run themselves under sudo) */
  privilege: 'root' | 'sudo' | 'none'
  apt: boolean
  /** the Debian cluster (pg_lsclusters) on the database's port, when the database is local */
  cluster: { version: string; name: string; running: boolean } | null
}

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'
export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/** The suite's PostgreSQL, for the preflight and tests/support/database-mode.ts alike: an empty TEST_DATABASE_URL is an unset one. */
export const testDatabaseUrl = (env: NodeJS.ProcessEnv = process.env) => env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL

/** Why no session could be had: refused by the socket (an errno code) or by PostgreSQL itself (a SQLSTATE and its message). */
function unreachable(error: unknown): Extract<DatabaseFacts['server'], { reachable: false }> {
  const { code, name } = error as { code?: unknown; name?: unknown }
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'PostgresError' && typeof code === 'string') return { reachable: false, error: message, sqlState: code }
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { reachable: false, error: code, errno: code }
  return { reachable: false, error: message }
}

/** One connection, one query (and one more when pg_cron keeps its jobs in another database). */
export async function probeDatabase(url: string): Promise<DatabaseFacts> {
  const local = isLocalDatabase(url, 'TEST_DATABASE_URL')
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  const facts = { shown: parsed.toString(), host: parsed.hostname, port: Number(parsed.port || 5432), local }
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} })
  try {
    const [row] = await sql<{ version_num: number; preload: string; cron_database: string | null; max_connections: number; database: string; cron_extension: boolean }[]>`
      SELECT current_setting('server_version_num')::int AS version_num,
             current_setting('shared_preload_libraries') AS preload,
             current_setting('cron.database_name', true) AS cron_database,
             current_setting('max_connections')::int AS max_connections,
             current_database() AS database,
             EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') AS cron_extension`
    if (!row) throw new Error('the server answered no row')
    const cronDatabase = row.cron_database || null
    const cronExtension = cronDatabase === null || cronDatabase === row.database ? row.cron_extension : await extensionIn(url, cronDatabase)
    const preload = row.preload.split(',').map((lib) => lib.trim().replace(/^"|"$/g, '')).filter((lib) => lib !== '')
    return { ...facts, server: { reachable: true, versionNum: row.version_num, preload, cronDatabase, cronExtension, maxConnections: row.max_connections } }
  } catch (error) {
    return { ...facts, server: unreachable(error) }
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {})
  }
}

async function extensionIn(url: string, database: string): Promise<boolean> {
  const other = new URL(url)
  other.pathname = `/${database}`
  const sql = postgres(other.toString(), { max: 1, connect_timeout: 3, onnotice: () => {} })
  try {
    const [row] = await sql<{ present: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') AS present`
    return row?.present ?? false
  } catch {
    return false
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {})
  }
}

export function probeChromium(env: NodeJS.ProcessEnv = process.env): ChromiumFacts {
  const path = env.CHROMIUM_PATH || DEBIAN_CHROMIUM
  let executable = false
  try {
    accessSync(path, constants.X_OK)
    executable = statSync(path).isFile()
  } catch {
    executable = false
  }
  return { path, fromEnv: Boolean(env.CHROMIUM_PATH), executable }
}

const succeeds = (command: string[]) => {
  try {
    return Bun.spawnSync(command, { stdin: 'ignore', stdout: 'ignore', stderr: 'ignore' }).exitCode === 0
  } catch {
    return false
  }
}

export function probeHost(database?: Pick<DatabaseFacts, 'port' | 'local'>): HostFacts {
  const privilege = process.getuid?.() === 0 ? 'root' : Bun.which('sudo') && succeeds(['sudo', '-n', 'true']) ? 'sudo' : 'none'
  return { privilege, apt: Bun.which('apt-get') !== null, cluster: database?.local ? debianClusterOn(database.port) : null }
}

/** `pg_lsclusters -h`: "15 main 5432 online postgres /var/lib/... /var/log/..." per cluster. */
function debianClusterOn(port: number): HostFacts['cluster'] {
  if (!Bun.which('pg_lsclusters')) return null
  const out = Bun.spawnSync(['pg_lsclusters', '-h'], { stdin: 'ignore', stderr: 'ignore' })
  for (const line of out.stdout.toString().split('\n')) {
    const [version, name, clusterPort, status] = line.trim().split(/\s+/)
    if (version && name && Number(clusterPort) === port) return { version, name, running: status?.startsWith('online') ?? false }
  }
  return null
}
