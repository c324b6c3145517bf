import { afterAll, beforeAll, expect, test } from 'bun:test'
import postgres from 'postgres'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { TEST_SECRETS } from '../support/test-config.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { startTestCluster, type TestCluster } from '../support/test-servers.ts'

let db: TestDatabase
let sql: postgres.Sql
let cluster: TestCluster

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 2, onnotice: () => {} })
  cluster = await startTestCluster(db.url, ['server1'])
  await sql`INSERT INTO agent_runs (agent, idempotency_key, input, status, error, attempts)
            VALUES ('jd-clean', 'jd-clean:1', '{}', 'failed', 'boom', 5), ('coach', 'coach:manual:1', '{}', 'succeeded', NULL, 1)`
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await db.drop()
})

const runs = (token: string | null, query = '') =>
  fetch(`${cluster.urls.server1}/api/admin/runs${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})

test('the admin token lists recent runs, filtered by status', async () => {
  const res = await runs(TEST_SECRETS.ADMIN_TOKEN, '?status=failed')
  expect(res.status).toBe(200)
  expect(((await res.json()) as { idempotency_key: string; error: string }[]).map((r) => [r.idempotency_key, r.error])).toEqual([
    ['jd-clean:1', 'boom'],
  ])
})

test('a user who is not an admin, or no token, gets 401', async () => {
  expect((await runs(null)).status).toBe(401)
  expect((await runs(await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, crypto.randomUUID()))).status).toBe(401)
})

test('a user flagged is_admin may look', async () => {
  const admin = crypto.randomUUID()
  await sql`INSERT INTO users (id, is_admin) VALUES (${admin}, true)`
  expect((await runs(await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, admin))).status).toBe(200)
})

test('a bad filter is a 422 naming the field', async () => {
  const res = await runs(TEST_SECRETS.ADMIN_TOKEN, '?status=exploded')
  expect(res.status).toBe(422)
  expect(((await res.json()) as { field: string }).field).toBe('status')
  const nul = await runs(TEST_SECRETS.ADMIN_TOKEN, '?agent=jd%00clean')
  expect(nul.status).toBe(422)
  expect(((await nul.json()) as { field: string }).field).toBe('agent')
})

test('limit comes as text in the query string and is read as a number, within 1-500', async () => {
  const one = await runs(TEST_SECRETS.ADMIN_TOKEN, '?limit=1')
  expect(one.status).toBe(200)
  expect(((await one.json()) as unknown[]).length).toBe(1)
  for (const bad of ['0', '501', '1.5', 'lots']) {
    const res = await runs(TEST_SECRETS.ADMIN_TOKEN, `?limit=${bad}`)
    expect(res.status).toBe(422)
    const body = (await res.json()) as { field: string }
    expect(body.field).toBe('limit')
  }
})

/** Async on purpose: on the embedded fallback the database is served by this very process. */
async function runScript(args: string[]) {
  const child = Bun.spawn(['bun', ...args], { env: { ...process.env, DATABASE_URL: db.url }, stdout: 'pipe', stderr: 'pipe' })
  const [exitCode, stdout] = await Promise.all([child.exited, new Response(child.stdout).text()])
  return { exitCode, stdout }
}

test('bun run runs and bun run schedules print their tables', async () => {
  const runsOut = await runScript(['scripts/runs.ts', '--status', 'failed'])
  expect(runsOut.exitCode).toBe(0)
  expect(runsOut.stdout).toContain('jd-clean:1')
  const schedulesOut = await runScript(['scripts/schedules.ts'])
  expect(schedulesOut.exitCode).toBe(0)
  const text = schedulesOut.stdout
  expect(text).toContain('calibrate-weekly')
  expect(text).toContain('30 18 * * 0')
  expect(text).toContain('after scrape')
  expect(text).toContain('retention')
})
