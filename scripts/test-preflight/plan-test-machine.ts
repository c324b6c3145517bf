import { postgresHint } from '#shared/cli/describe-failure.ts'
import { type ChromiumFacts, type DatabaseFacts, DEBIAN_CHROMIUM, type HostFacts } from './test-machine-facts.ts'

/** scripts/setup-postgres.sh's floor: one database per test file, many pools at once. */
export const MIN_CONNECTIONS = 300

export type GapKind = 'unreachable' | 'version' | 'pg_cron' | 'connections' | 'chromium'

/** Something the suite needs and does not have: what, the exact fix for a human, and the setup the preflight may run itself. */
export interface Problem {
  kind: GapKind
  what: string
  fix: string
  /** a script this machine lets the preflight run now (root on Debian, or passwordless sudo) */
  setup?: { script: string; env: Record<string, string> }
}

/** How a human runs a setup script here: as root directly, otherwise under sudo (with env, when not the defaults). */
function command(script: string, env: Record<string, string>, host: HostFacts): string {
  const assignments = Object.entries(env).map(([name, value]) => `${name}=${value}`)
  if (host.privilege === 'root') return [...assignments, 'bash', script].join(' ')
  return ['sudo', ...(assignments.length ? ['env', ...assignments] : []), 'bash', script].join(' ')
}

/** setup-postgres.sh's PG_VERSION / PG_CLUSTER, named only when not its defaults (15, main). */
function clusterEnv(cluster: NonNullable<HostFacts['cluster']>): Record<string, string> {
  return { ...(cluster.version === '15' ? {} : { PG_VERSION: cluster.version }), ...(cluster.name === 'main' ? {} : { PG_CLUSTER: cluster.name }) }
}

type ReachableServer = Extract<DatabaseFacts['server'], { reachable: true }>

/** What a reachable server lacks, most basic first, each a short phrase. */
export function databaseGaps(server: ReachableServer): { kind: GapKind; what: string }[] {
  const gaps: { kind: GapKind; what: string }[] = []
  if (server.versionNum < 150000) gaps.push({ kind: 'version', what: `version ${Math.floor(server.versionNum / 10000)}, the tests need 15 or later` })
  if (!server.preload.includes('pg_cron')) {
    gaps.push({ kind: 'pg_cron', what: `pg_cron is not loaded (shared_preload_libraries = '${server.preload.join(',')}')` })
  } else if (!server.cronExtension) {
    gaps.push({ kind: 'pg_cron', what: `CREATE EXTENSION pg_cron was not run in database ${server.cronDatabase}` })
  }
  if (server.maxConnections < MIN_CONNECTIONS) gaps.push({ kind: 'connections', what: `max_connections is ${server.maxConnections}, the tests need ${MIN_CONNECTIONS}` })
  return gaps
}

const ALL_DATABASE_GAPS: GapKind[] = ['unreachable', 'version', 'pg_cron', 'connections']

/** Whether the database lacks any of these: decided from the database alone, before the machine is probed for the fix. */
export function databaseLacks(db: DatabaseFacts, kinds: GapKind[] = ALL_DATABASE_GAPS): boolean {
  if (!db.server.reachable) return kinds.includes('unreachable')
  return databaseGaps(db.server).some((gap) => kinds.includes(gap.kind))
}

type UnreachableServer = Extract<DatabaseFacts['server'], { reachable: false }>

/** Socket-level refusals: nothing listens where the URL points, which starting the cluster (setup-postgres.sh) can fix. */
const NOTHING_LISTENS = new Set(['ECONNREFUSED', 'ENOENT'])

/**
 * No session. setup-postgres.sh is the fix only when the cluster is stopped or nothing listens;
 * when PostgreSQL itself refused (wrong password, no such database, too many clients) a restart
 * fixes nothing and would hit everyone sharing the cluster: its message and what to do instead.
 */
function unreachableProblem(db: DatabaseFacts, server: UnreachableServer, cluster: HostFacts['cluster'], setupPostgres: Pick<Problem, 'fix' | 'setup'> | null): Problem {
  if (server.sqlState) {
    const fix = postgresHint(server.sqlState, 'TEST_DATABASE_URL') ?? 'check TEST_DATABASE_URL and that server'
    return { kind: 'unreachable', what: `PostgreSQL at ${db.shown} refused the connection: ${server.error} (${server.sqlState})`, fix }
  }
  const stopped = cluster !== null && !cluster.running
  const what = stopped ? `PostgreSQL ${cluster.version}/${cluster.name} (port ${db.port}) is not running` : `no PostgreSQL answers at ${db.shown} (${server.error})`
  const fix = 'start it, or set TEST_DATABASE_URL to a PostgreSQL 15 with pg_cron (on Debian: sudo bash scripts/setup-postgres.sh sets up the local cluster)'
  const startable = stopped || (server.errno !== undefined && NOTHING_LISTENS.has(server.errno))
  return { kind: 'unreachable', what, ...((startable && setupPostgres) || { fix }) }
}

/**
 * What to do about the database. A local Debian cluster is set up by scripts/setup-postgres.sh
 * (it also starts a stopped one); any other server can only be told what it lacks.
 */
export function databaseProblems(db: DatabaseFacts, host: HostFacts, kinds: GapKind[] = ALL_DATABASE_GAPS): Problem[] {
  const { cluster } = host
  const setupPostgres = cluster && host.apt ? setupFor('scripts/setup-postgres.sh', clusterEnv(cluster), host) : null
  if (!db.server.reachable) return kinds.includes('unreachable') ? [unreachableProblem(db, db.server, cluster, setupPostgres)] : []
  const gaps = databaseGaps(db.server).filter((gap) => kinds.includes(gap.kind))
  const [first] = gaps
  if (!first) return []
  const what = `PostgreSQL at ${db.shown}: ${gaps.map((gap) => gap.what).join(', ')}`
  if (gaps.some((gap) => gap.kind === 'version')) return [{ kind: 'version', what, fix: 'point TEST_DATABASE_URL at PostgreSQL 15 or later' }]
  const fix = `on that server install pg_cron, add it to shared_preload_libraries, set max_connections to at least ${MIN_CONNECTIONS}, restart it and run CREATE EXTENSION pg_cron in database postgres (what scripts/setup-postgres.sh does for a Debian cluster)`
  return [{ kind: first.kind, what, ...(setupPostgres ?? { fix }) }]
}

/** The fix is the script; the preflight runs it itself when this machine allows it without a prompt. */
function setupFor(script: string, env: Record<string, string>, host: HostFacts): Pick<Problem, 'fix' | 'setup'> {
  return { fix: command(script, env, host), ...(host.privilege === 'none' ? {} : { setup: { script, env } }) }
}

export function chromiumProblems(chromium: ChromiumFacts, host: HostFacts): Problem[] {
  if (chromium.executable) return []
  const script = 'scripts/setup-chromium.sh'
  if (chromium.fromEnv && chromium.path !== DEBIAN_CHROMIUM) {
    const install = host.apt ? ` (${command(script, {}, host)} installs it)` : ''
    return [{ kind: 'chromium', what: `CHROMIUM_PATH=${chromium.path} is not an executable file`, fix: `point CHROMIUM_PATH at a Chromium binary, or unset it to use ${DEBIAN_CHROMIUM}${install}` }]
  }
  const what = `Chromium is not installed at ${DEBIAN_CHROMIUM}`
  if (!host.apt) return [{ kind: 'chromium', what, fix: 'install Chromium and set CHROMIUM_PATH to its binary' }]
  return [{ kind: 'chromium', what, ...setupFor(script, {}, host) }]
}

/** The one line the preflight (and a test that needs the piece) stops with. */
export function problemsLine(problems: Problem[]): string {
  return problems.map((p) => `${p.what}; fix: ${p.fix}`).join(' | ')
}
