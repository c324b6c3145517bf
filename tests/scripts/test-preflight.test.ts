import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGliteWireServer } from '../../scripts/dev/pglite-wire-server.ts'
import { chromiumProblems, databaseProblems, type Problem } from '../../scripts/test-preflight/plan-test-machine.ts'
import { type ChromiumFacts, type DatabaseFacts, DEFAULT_TEST_DATABASE_URL, type HostFacts, testDatabaseUrl } from '../../scripts/test-preflight/test-machine-facts.ts'
import { realPostgresTest } from '../support/database-mode.ts'
import { freePort } from '../support/free-port.ts'
import { requireChromium, requirePgCron } from '../support/test-machine.ts'

/**
 * The preflight of `bun run test`: what it decides for each missing piece (pure, from facts), and
 * the real command against servers that lack pg_cron, refuse or do not answer and a Chromium that
 * is not there. The real command always runs with TEST_PREFLIGHT_REPORT_ONLY=1: a test never
 * installs packages or restarts PostgreSQL, whatever this machine lacks (proven below).
 */

const ROOT = join(import.meta.dir, '../..')
const LOCAL = 'postgres://postgres@127.0.0.1:5432/postgres'

function database(server: Partial<Extract<DatabaseFacts['server'], { reachable: true }>> | Extract<DatabaseFacts['server'], { reachable: false }>, shown = LOCAL): DatabaseFacts {
  const url = new URL(shown)
  const full = 'error' in server ? server : { reachable: true as const, versionNum: 150014, preload: ['pg_cron'], cronDatabase: 'postgres', cronExtension: true, maxConnections: 300, ...server }
  return { shown, host: url.hostname, port: Number(url.port), local: url.hostname === '127.0.0.1', server: full }
}
const refused = { reachable: false as const, error: 'ECONNREFUSED', errno: 'ECONNREFUSED' }
const debianRoot: HostFacts = { privilege: 'root', apt: true, cluster: { version: '15', name: 'main', running: true } }
const chromium = (facts: Partial<ChromiumFacts>): ChromiumFacts => ({ path: '/usr/bin/chromium', fromEnv: false, executable: true, ...facts })
const shape = (problems: Problem[]) => problems.map(({ what, fix, setup }) => ({ what, fix, setup }))

describe('decisions', () => {
  test('everything there: nothing to do', () => {
    expect(databaseProblems(database({}), debianRoot)).toEqual([])
    expect(chromiumProblems(chromium({}), debianRoot)).toEqual([])
  })

  test('root on a Debian cluster without pg_cron: setup-postgres.sh is run, for that cluster', () => {
    const facts = database({ preload: [], cronDatabase: null, cronExtension: false, maxConnections: 100 })
    expect(shape(databaseProblems(facts, debianRoot))).toEqual([
      {
        what: `PostgreSQL at ${LOCAL}: pg_cron is not loaded (shared_preload_libraries = ''), max_connections is 100, the tests need 300`,
        fix: 'bash scripts/setup-postgres.sh',
        setup: { script: 'scripts/setup-postgres.sh', env: {} },
      },
    ])
    const other = { ...debianRoot, privilege: 'sudo' as const, cluster: { version: '16', name: 'nocron', running: true } }
    expect(shape(databaseProblems(facts, other))[0]).toMatchObject({
      fix: 'sudo env PG_VERSION=16 PG_CLUSTER=nocron bash scripts/setup-postgres.sh',
      setup: { script: 'scripts/setup-postgres.sh', env: { PG_VERSION: '16', PG_CLUSTER: 'nocron' } },
    })
  })

  test('without root or passwordless sudo nothing is run: the line says the sudo command', () => {
    const facts = database({ preload: ['pg_stat_statements'] })
    expect(shape(databaseProblems(facts, { ...debianRoot, privilege: 'none' }))).toEqual([
      {
        what: `PostgreSQL at ${LOCAL}: pg_cron is not loaded (shared_preload_libraries = 'pg_stat_statements')`,
        fix: 'sudo bash scripts/setup-postgres.sh',
        setup: undefined,
      },
    ])
  })

  test('a stopped local cluster is started by setup-postgres.sh, and the line says it is not running', () => {
    const host = { ...debianRoot, cluster: { version: '15', name: 'main', running: false } }
    expect(shape(databaseProblems(database(refused), host))).toEqual([
      { what: 'PostgreSQL 15/main (port 5432) is not running', fix: 'bash scripts/setup-postgres.sh', setup: { script: 'scripts/setup-postgres.sh', env: {} } },
    ])
  })

  test('nothing listening on a running local cluster (socket refused, no socket file): setup-postgres.sh, which starts it', () => {
    for (const errno of ['ECONNREFUSED', 'ENOENT']) {
      expect(shape(databaseProblems(database({ reachable: false, error: errno, errno }), debianRoot))).toEqual([
        { what: `no PostgreSQL answers at ${LOCAL} (${errno})`, fix: 'bash scripts/setup-postgres.sh', setup: { script: 'scripts/setup-postgres.sh', env: {} } },
      ])
    }
  })

  test('PostgreSQL itself refused (wrong password, no such database, too many clients): its message and what to do, never a setup or restart', () => {
    const refusals: [string, string, string][] = [
      ['28P01', 'password authentication failed for user "postgres"', 'check the password in TEST_DATABASE_URL'],
      ['3D000', 'database "talvix_tests" does not exist', 'create it, or fix the database name in TEST_DATABASE_URL'],
      ['53300', 'sorry, too many clients already', 'try again when connections free up, or raise max_connections'],
      ['XX000', 'something unforeseen', 'check TEST_DATABASE_URL and that server'],
    ]
    for (const [sqlState, error, fix] of refusals) {
      for (const host of [debianRoot, { ...debianRoot, privilege: 'sudo' as const }]) {
        expect(shape(databaseProblems(database({ reachable: false, error, sqlState }), host))).toEqual([
          { what: `PostgreSQL at ${LOCAL} refused the connection: ${error} (${sqlState})`, fix, setup: undefined },
        ])
      }
    }
  })

  test('a timeout on a running local cluster is not a stopped one: told, not set up', () => {
    expect(shape(databaseProblems(database({ reachable: false, error: 'ETIMEDOUT', errno: 'ETIMEDOUT' }), debianRoot))).toEqual([
      { what: `no PostgreSQL answers at ${LOCAL} (ETIMEDOUT)`, fix: expect.stringMatching(/^start it, or set TEST_DATABASE_URL/), setup: undefined },
    ])
  })

  test('a server that is not a local Debian cluster is only told what it lacks', () => {
    const remote = 'postgres://talvix:***@db.example.in:5432/postgres'
    const host: HostFacts = { privilege: 'root', apt: true, cluster: null }
    const [lacking] = databaseProblems(database({ preload: ['pg_cron'], cronExtension: false }, remote), host)
    expect(shape([lacking!])).toEqual([
      { what: `PostgreSQL at ${remote}: CREATE EXTENSION pg_cron was not run in database postgres`, fix: expect.stringMatching(/^on that server install pg_cron/), setup: undefined },
    ])
    const [down] = databaseProblems(database({ reachable: false, error: 'ENOTFOUND', errno: 'ENOTFOUND' }, remote), host)
    expect(shape([down!])).toEqual([
      { what: `no PostgreSQL answers at ${remote} (ENOTFOUND)`, fix: expect.stringMatching(/^start it, or set TEST_DATABASE_URL/), setup: undefined },
    ])
  })

  test('PostgreSQL older than 15 cannot be set up: point TEST_DATABASE_URL elsewhere', () => {
    expect(shape(databaseProblems(database({ versionNum: 140011 }), debianRoot))).toEqual([
      { what: `PostgreSQL at ${LOCAL}: version 14, the tests need 15 or later`, fix: 'point TEST_DATABASE_URL at PostgreSQL 15 or later', setup: undefined },
    ])
  })

  test('asked only about pg_cron, a low max_connections is not its business', () => {
    expect(databaseProblems(database({ maxConnections: 100 }), debianRoot, ['pg_cron'])).toEqual([])
    expect(databaseProblems(database(refused), debianRoot, ['pg_cron'])).toEqual([])
  })

  test("Chromium: Debian's is installed by setup-chromium.sh; a CHROMIUM_PATH elsewhere is the user's to fix; no apt, say so", () => {
    expect(shape(chromiumProblems(chromium({ executable: false }), debianRoot))).toEqual([
      { what: 'Chromium is not installed at /usr/bin/chromium', fix: 'bash scripts/setup-chromium.sh', setup: { script: 'scripts/setup-chromium.sh', env: {} } },
    ])
    expect(shape(chromiumProblems(chromium({ path: '/opt/chrome/chrome', fromEnv: true, executable: false }), debianRoot))).toEqual([
      {
        what: 'CHROMIUM_PATH=/opt/chrome/chrome is not an executable file',
        fix: 'point CHROMIUM_PATH at a Chromium binary, or unset it to use /usr/bin/chromium (bash scripts/setup-chromium.sh installs it)',
        setup: undefined,
      },
    ])
    expect(shape(chromiumProblems(chromium({ executable: false }), { privilege: 'sudo', apt: false, cluster: null }))).toEqual([
      { what: 'Chromium is not installed at /usr/bin/chromium', fix: 'install Chromium and set CHROMIUM_PATH to its binary', setup: undefined },
    ])
  })
})

const REPORT_ONLY = { TEST_PREFLIGHT_REPORT_ONLY: '1' }

async function run(command: string[], env: Record<string, string | undefined>) {
  const child = Bun.spawn(command, { cwd: ROOT, env: { ...process.env, ...REPORT_ONLY, ...env }, stdout: 'pipe', stderr: 'pipe' })
  const [exitCode, stdout, stderr] = await Promise.all([child.exited, new Response(child.stdout).text(), new Response(child.stderr).text()])
  return { exitCode, stdout, stderr, output: `${stdout}${stderr}`.trim().split('\n') }
}

/** `bun run test` with a filter that matches no file: should the preflight wrongly pass, no suite runs. */
const runTest = (env: Record<string, string>) => run(['bun', 'run', '--silent', 'test', 'tests/scripts/no-such-test-file'], env)

/** Executables standing in for the machine's own, each writing what it was asked to `ran` in their folder. */
async function stubCommands(scripts: Record<string, string>): Promise<{ dir: string; ran: () => Promise<string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'preflight-stubs-'))
  await chmod(dir, 0o755)
  for (const [name, body] of Object.entries(scripts)) {
    await writeFile(join(dir, name), `#!/bin/sh\n${body}\n`)
    await chmod(join(dir, name), 0o755)
  }
  const ran = join(dir, 'ran')
  return { dir, ran: async () => ((await Bun.file(ran).exists()) ? Bun.file(ran).text() : '') }
}

describe('bun run test on a machine that lacks something', () => {
  let pglite: PGlite
  let server: PGliteWireServer
  /** a PostgreSQL without pg_cron on this machine that no Debian cluster owns: the preflight may not touch it */
  let noCronUrl: string

  beforeAll(async () => {
    pglite = await PGlite.create()
    server = new PGliteWireServer(pglite)
    noCronUrl = `postgres://postgres@127.0.0.1:${await server.listen(0)}/postgres`
  })
  afterAll(async () => {
    await server.close()
    await pglite.close()
  })

  test('a PostgreSQL without pg_cron it may not set up: one line, what and how, before any test', async () => {
    const { exitCode, output } = await runTest({ TEST_DATABASE_URL: noCronUrl })
    expect(exitCode).toBe(1)
    expect(output).toEqual([
      expect.stringMatching(
        new RegExp(`^test: PostgreSQL at ${noCronUrl.replace(/[.]/g, '\\.')}: pg_cron is not loaded \\(shared_preload_libraries = ''\\), max_connections is 100, the tests need 300; fix: on that server install pg_cron`),
      ),
    ])
  })

  test('no PostgreSQL at TEST_DATABASE_URL: one line', async () => {
    const url = `postgres://postgres@127.0.0.1:${freePort()}/postgres`
    const { exitCode, output } = await runTest({ TEST_DATABASE_URL: url })
    expect(exitCode).toBe(1)
    expect(output).toEqual([`test: no PostgreSQL answers at ${url} (ECONNREFUSED); fix: start it, or set TEST_DATABASE_URL to a PostgreSQL 15 with pg_cron (on Debian: sudo bash scripts/setup-postgres.sh sets up the local cluster)`])
  })

  test('CHROMIUM_PATH pointing nowhere: one line', async () => {
    const { exitCode, output } = await runTest({ CHROMIUM_PATH: '/nonexistent/chromium' })
    expect(exitCode).toBe(1)
    expect(output).toEqual([expect.stringMatching(/^test: CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file; fix: point CHROMIUM_PATH at a Chromium binary/)])
  })

  test('with everything there the preflight says nothing', async () => {
    const { exitCode, stdout, stderr } = await run(['bun', 'scripts/test-preflight.ts'], {})
    expect({ exitCode, stdout, stderr }).toEqual({ exitCode: 0, stdout: '', stderr: '' })
  })

  test('report-only: on a machine where the preflight would run setup-postgres.sh, it only names it and runs nothing', async () => {
    // root (or passwordless sudo), apt, and a Debian cluster owning the PostgreSQL without pg_cron:
    // everything the preflight needs to run the setup itself; every command it could run is a stub
    const port = new URL(noCronUrl).port
    const stubs = await stubCommands({
      pg_lsclusters: `echo "15 stubcluster ${port} online postgres /nonexistent /nonexistent.log"`,
      sudo: '[ "$1 $2" = "-n true" ] && exit 0; echo "sudo $*" >> "$(dirname "$0")/ran"; exit 1',
      'apt-get': 'echo "apt-get $*" >> "$(dirname "$0")/ran"; exit 1',
      bash: 'echo "bash $*" >> "$(dirname "$0")/ran"; exit 0',
    })
    try {
      const { exitCode, output } = await run(['bun', 'scripts/test-preflight.ts'], { TEST_DATABASE_URL: noCronUrl, PATH: `${stubs.dir}:${process.env.PATH}` })
      expect(exitCode).toBe(1)
      expect(output).toEqual([
        expect.stringMatching(
          new RegExp(`^test: PostgreSQL at ${noCronUrl.replace(/[.]/g, '\\.')}: pg_cron is not loaded .*; fix: (sudo env )?PG_CLUSTER=stubcluster bash scripts/setup-postgres\\.sh( \\| .*)?$`),
        ),
      ])
      expect(await stubs.ran()).toBe('')
    } finally {
      await rm(stubs.dir, { recursive: true, force: true })
    }
  })

  realPostgresTest('the refusal comes from a real server')('PostgreSQL refusing the connection (no such database): its message and the hint, not setup-postgres.sh', async () => {
    const target = new URL(testDatabaseUrl())
    target.pathname = '/talvix_no_such_database'
    const shown = new URL(target)
    if (shown.password) shown.password = '***'
    const { exitCode, output } = await runTest({ TEST_DATABASE_URL: target.toString() })
    expect(exitCode).toBe(1)
    expect(output).toEqual([
      `test: PostgreSQL at ${shown} refused the connection: database "talvix_no_such_database" does not exist (3D000); fix: create it, or fix the database name in TEST_DATABASE_URL`,
    ])
  })

  test('an empty TEST_DATABASE_URL is the default for the preflight and the test databases alike', async () => {
    const script = "const { ADMIN_DATABASE_URL } = await import('./tests/support/database-mode.ts'); console.log(ADMIN_DATABASE_URL)"
    const { exitCode, stdout } = await run(['bun', '-e', script], { TEST_DATABASE_URL: '' })
    expect({ exitCode, stdout: stdout.trim() }).toEqual({ exitCode: 0, stdout: DEFAULT_TEST_DATABASE_URL })
    expect(testDatabaseUrl({ TEST_DATABASE_URL: '' })).toBe(DEFAULT_TEST_DATABASE_URL)
  })

  test('a single test file that needs pg_cron or Chromium stops with the same line', async () => {
    const saved = { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL, CHROMIUM_PATH: process.env.CHROMIUM_PATH }
    try {
      process.env.TEST_DATABASE_URL = noCronUrl
      process.env.CHROMIUM_PATH = '/nonexistent/chromium'
      await expect(requirePgCron()).rejects.toThrow(/^test preflight: PostgreSQL at .*: pg_cron is not loaded \(shared_preload_libraries = ''\); fix: on that server/)
      expect(() => requireChromium()).toThrow(/^test preflight: CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file; fix:/)
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  })
})

describe('the setup scripts never prompt for a password', () => {
  // as root the scripts would go on and install: run them as nobody, with a sudo that wants a password
  const asUnprivileged = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : []

  test.each(['scripts/setup-postgres.sh', 'scripts/setup-chromium.sh'])('%s without root, where sudo wants a password: one line, no prompt', async (script) => {
    const stubs = await stubCommands({
      sudo: 'for arg in "$@"; do [ "$arg" = -n ] && { echo "sudo: a password is required" >&2; exit 1; }; done; echo "prompted: sudo $*" >> "$(dirname "$0")/ran"; exit 1',
    })
    try {
      const { exitCode, stdout, stderr } = await run([...asUnprivileged, 'env', `PATH=${stubs.dir}:${process.env.PATH}`, 'bash', script], {})
      const name = script.replace(/^scripts\/|\.sh$/g, '')
      expect({ exitCode, stdout, stderr }).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: `[${name}] ERROR: needs root, and sudo cannot run here without a password: run it as root, or as sudo bash ${script}\n`,
      })
      expect(await stubs.ran()).toBe('')
    } finally {
      await rm(stubs.dir, { recursive: true, force: true })
    }
  })
})
