import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../support/free-port.ts'
import { TEST_SECRETS } from '../support/test-config.ts'

/**
 * Every CLI in the README's scripts table, run as `bun run --silent <name>` the way a newcomer
 * runs it, against nothing: no database, a database on a closed port, a wrong flag, a missing
 * file. Each must end non-zero with one line on stderr naming the problem, and no stack trace.
 */

const ROOT = join(import.meta.dir, '../..')
const closedPort = freePort()
const CLOSED_DB = `postgres://postgres@127.0.0.1:${closedPort}/postgres`
let emptyDir: string

beforeAll(async () => {
  emptyDir = await mkdtemp(join(tmpdir(), 'cli-failures-'))
})
afterAll(async () => {
  await rm(emptyDir, { recursive: true, force: true })
})

/**
 * A clean environment: only what a shell has, plus the case's variables. An empty value stands for
 * "not set" and also keeps a developer's .env from filling it in (neither Bun nor dotenv override).
 */
function environment(vars: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_URL: '',
    // `bun run dev` of whoever shares the machine must not answer for "no database"
    EMBEDDED_DB_PORT: String(closedPort),
    TEST_DATABASE_URL: CLOSED_DB,
    SERVER1_URL: `http://127.0.0.1:${closedPort}`,
    DATA_DIR: emptyDir,
    LOG_LEVEL: 'silent',
    // `bun run test`'s preflight reports what it would set up, never runs it (scripts/test-preflight.ts)
    TEST_PREFLIGHT_REPORT_ONLY: '1',
    ...vars,
  }
}

async function cli(args: string[], vars: Record<string, string> = {}) {
  const child = Bun.spawn(['bun', 'run', '--silent', ...args], { cwd: ROOT, env: environment(vars), stdout: 'pipe', stderr: 'pipe' })
  const [stderr, exitCode, stdout] = await Promise.all([new Response(child.stderr).text(), child.exited, new Response(child.stdout).text()])
  return { exitCode, lines: stderr.split('\n').filter((line) => line.trim() !== ''), stderr, stdout }
}

const SERVER_ENV = {
  INTERNAL_SIGNING_SECRET: TEST_SECRETS.INTERNAL_SIGNING_SECRET,
  SUPABASE_JWT_SECRET: TEST_SECRETS.SUPABASE_JWT_SECRET,
  VAULT_KEYS: TEST_SECRETS.VAULT_KEYS,
  RAZORPAY_WEBHOOK_SECRET: TEST_SECRETS.RAZORPAY_WEBHOOK_SECRET,
}
const unreachable = new RegExp(`cannot reach PostgreSQL at 127\\.0\\.0\\.1:${closedPort} \\(connection refused\\)`)
const noDevDatabase = /DATABASE_URL is not set and no `bun run dev` embedded database answers/
const unknownFlag = /Unknown option '--bogus'/
const MALFORMED_DB = { DATABASE_URL: 'not-a-url' }
const malformedDb = /Config error: DATABASE_URL is invalid: expected a postgres:\/\/ URL such as/
const REMOTE_DB = { DATABASE_URL: 'postgres://talvix@db.example.in:5432/talvix' }
const feedRefusedRemote = /--feed writes job sources pointing at this machine into DATABASE_URL's database, which is not on this machine/
const feedRefusedProduction = /the local job feed is for development and NODE_ENV is production/
// were it not refused, dev would stop at the closed port instead of starting servers
const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: CLOSED_DB }

type Case = [label: string, args: string[], vars: Record<string, string>, names: RegExp]

const cases: Case[] = [
  ['dev: database on a closed port', ['dev'], { DATABASE_URL: CLOSED_DB }, unreachable],
  ['dev: bad flag', ['dev', '--bogus'], {}, unknownFlag],
  ['dev: malformed DATABASE_URL', ['dev'], MALFORMED_DB, malformedDb],
  ['dev: --feed on a database on another machine', ['dev', '--feed'], REMOTE_DB, feedRefusedRemote],
  ['dev: --feed with NODE_ENV=production', ['dev', '--feed'], PRODUCTION, feedRefusedProduction],
  ...(['server1', 'server2', 'server3'] as const).flatMap((server): Case[] => [
    [`${server}: no DATABASE_URL`, [server], SERVER_ENV, /Config error: DATABASE_URL is missing: expected a postgres:\/\/ URL/],
    [`${server}: database on a closed port`, [server], { ...SERVER_ENV, DATABASE_URL: CLOSED_DB }, unreachable],
    [`${server}: bad flag`, [server, '--bogus'], SERVER_ENV, unknownFlag],
    [`${server}: malformed DATABASE_URL`, [server], { ...SERVER_ENV, DATABASE_URL: 'postgres://postgres@127.0.0.1:port/postgres' }, malformedDb],
  ]),
  // a filter that matches no file: should the preflight wrongly pass, no suite runs
  ['test: no PostgreSQL', ['test', 'tests/scripts/no-such-test-file'], {}, new RegExp(`no PostgreSQL answers at ${CLOSED_DB.replace(/[.]/g, '\\.')} \\(ECONNREFUSED\\)`)],
  ['test: malformed TEST_DATABASE_URL', ['test', 'tests/scripts/no-such-test-file'], { TEST_DATABASE_URL: 'not-a-url' }, /Config error: TEST_DATABASE_URL is invalid: expected a postgres:\/\/ URL/],
  ['db:migrate: no DATABASE_URL', ['db:migrate'], {}, /DATABASE_URL is missing/],
  ['db:migrate: database on a closed port', ['db:migrate'], { DATABASE_URL: CLOSED_DB }, unreachable],
  ['db:migrate: bad flag', ['db:migrate', '--bogus'], {}, unknownFlag],
  ['db:migrate: malformed DATABASE_URL', ['db:migrate'], MALFORMED_DB, malformedDb],
  ['token: not a uuid', ['token', 'alice'], {}, /expected one user uuid/],
  ['token: no dev secrets and no SUPABASE_JWT_SECRET', ['token', crypto.randomUUID()], { DATA_DIR: join(tmpdir(), `no-dev-secrets-${crypto.randomUUID()}`) }, /SUPABASE_JWT_SECRET is not set and .*dev-secrets\.json does not exist: start `bun run dev`/],
  ['token: bad flag', ['token', '--bogus'], {}, unknownFlag],
  ...(['schedules', 'runs', 'sources', 'scoring-weights'] as const).flatMap((name): Case[] => [
    [`${name}: no database at all`, [name], {}, noDevDatabase],
    [`${name}: database on a closed port`, [name], { DATABASE_URL: CLOSED_DB }, unreachable],
    [`${name}: bad flag`, [name, '--bogus'], {}, unknownFlag],
    [`${name}: malformed DATABASE_URL`, [name], MALFORMED_DB, malformedDb],
  ]),
  ['runs: bad --limit', ['runs', '--limit', 'lots'], {}, /--limit must be a whole number from 1 to 500/],
  ['runs: bad --status', ['runs', '--status', 'exploded'], {}, /--status must be one of pending, running, succeeded, failed/],
  ['runs: --rerun without a run id', ['runs', '--rerun', 'last'], {}, /--rerun takes the id \(a uuid\) of a failed run/],
  ['sources: --pause and --resume at once', ['sources', '--pause', 'a', '--resume', 'b'], {}, /give --pause or --resume, not both/],
  ['scoring-weights: --rollback-to not a version', ['scoring-weights', '--rollback-to', 'previous'], {}, /--rollback-to takes a version number/],
  ['gen:routes: bad flag', ['gen:routes', '--bogus'], {}, unknownFlag],
  ['gen:env: bad flag', ['gen:env', '--bogus'], {}, unknownFlag],
  ['parse-resume: missing file', ['parse-resume', '/nonexistent/cv.pdf'], {}, /file not found: \/nonexistent\/cv\.pdf/],
  ['parse-resume: bad flag', ['parse-resume', '--bogus'], {}, unknownFlag],
  ['clean-jd: missing file', ['clean-jd', '/nonexistent/jd.html'], {}, /no such file: \/nonexistent\/jd\.html/],
  ['clean-jd: bad flag', ['clean-jd', 'x', '--bogus'], {}, unknownFlag],
  ['score: missing files', ['score', '/nonexistent/cv.pdf', '/nonexistent/jd.txt'], {}, /file not found: \/nonexistent\//],
  ['score: bad flag', ['score', 'a', 'b', '--bogus'], {}, unknownFlag],
  ['scrape: no --role', ['scrape', '--source', 'naukri', '--dry-run'], {}, /--role is required/],
  ['scrape: bad flag', ['scrape', '--bogus'], {}, unknownFlag],
  ['schedule:fire: no database at all', ['schedule:fire', 'coach'], {}, noDevDatabase],
  ['schedule:fire: database on a closed port', ['schedule:fire', 'coach'], { DATABASE_URL: CLOSED_DB }, unreachable],
  ['schedule:fire: unknown schedule', ['schedule:fire', 'lunch'], {}, /name one schedule: .*coach/],
  ['schedule:fire: bad flag', ['schedule:fire', 'coach', '--bogus'], {}, unknownFlag],
  ['schedule:fire: malformed DATABASE_URL', ['schedule:fire', 'coach'], MALFORMED_DB, malformedDb],
  ['bench:retention: bad --runs', ['bench:retention', '--runs', 'many'], {}, /--runs must be a positive whole number, got many/],
  ...(['bench:events', 'bench:fit', 'bench:retention', 'load'] as const).flatMap((name): Case[] => [
    [`${name}: no PostgreSQL`, [name], {}, new RegExp(`needs a real PostgreSQL and none answers at ${CLOSED_DB.replace(/[.]/g, '\\.')}`)],
    [`${name}: bad flag`, [name, '--bogus'], {}, unknownFlag],
  ]),
  ['simulate: bad flag', ['simulate', '--bogus', '1'], {}, unknownFlag],
  ['simulate: bad --users', ['simulate', '--users', 'many'], {}, /--users needs a positive number, got many/],
  ['chaos: bad flag', ['chaos', '--bogus'], {}, unknownFlag],
  ['chaos: bad --pg-restart', ['chaos', '--pg-restart', 'maybe'], {}, /--pg-restart must be 0 or 1/],
  ['fuzz: bad flag', ['fuzz', '--bogus'], {}, unknownFlag],
  ['fuzz: bad --count', ['fuzz', '--count', '0'], {}, /--count must be a whole number from 1 to 1000000/],
  ['demo:user: Server 1 not running', ['demo:user'], {}, /Server 1 is not answering at http:\/\/127\.0\.0\.1:\d+\/health — start it with `bun run dev`/],
  ['demo:user: missing resume file', ['demo:user', '--resume', '/nonexistent/cv.pdf'], {}, /\/nonexistent\/cv\.pdf: no such file/],
  ['demo:user: bad flag', ['demo:user', '--bogus'], {}, unknownFlag],
]

describe('every README CLI fails with one clear line', () => {
  test.each(cases)('%s', async (_label, args, vars, names) => {
    const { exitCode, lines, stderr } = await cli(args, vars)
    expect(exitCode).not.toBe(0)
    expect(stderr).not.toMatch(/^\s+at /m)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(names)
  }, 30_000)
})

describe('bun run dev refuses before it generates and prints secrets', () => {
  test.each([
    ['a malformed DATABASE_URL', [], MALFORMED_DB],
    ['--feed on a database on another machine', ['--feed'], REMOTE_DB],
    ['--feed with NODE_ENV=production', ['--feed'], PRODUCTION],
  ] as const)('%s', async (_label, flags, vars) => {
    const dataDir = join(emptyDir, `dev-${crypto.randomUUID()}`)
    const { exitCode, lines, stdout } = await cli(['dev', ...flags], { ...vars, DATA_DIR: dataDir })
    expect(exitCode).toBe(1)
    expect(lines).toHaveLength(1)
    expect(stdout).toBe('')
    expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(false)
  }, 30_000)
})
