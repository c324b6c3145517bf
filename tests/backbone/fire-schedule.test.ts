import { afterAll, beforeAll, beforeEach, expect, test } from 'bun:test'
import { join } from 'node:path'
import postgres from 'postgres'
import { TIMED_SCHEDULES } from '#shared/schedules/schedule-table.ts'
import { freePort } from '../support/free-port.ts'
import { TEST_SECRETS } from '../support/test-config.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { startTestCluster, type TestCluster } from '../support/test-servers.ts'
import { waitFor } from '../support/wait-for.ts'

const CLI = join(import.meta.dir, '../../scripts/schedule-fire.ts')

let db: TestDatabase
let sql: postgres.Sql
let cluster: TestCluster

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 2, onnotice: () => {} })
  cluster = await startTestCluster(db.url, ['server1', 'server2'])
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await db.drop()
})

beforeEach(async () => {
  await sql`DELETE FROM cron_triggers`
  await sql`DELETE FROM agent_runs`
})

/** Fires are keyed on the minute: start a same-minute check with the minute's end well away. */
async function awayFromMinuteEnd() {
  const second = new Date().getSeconds()
  if (second >= 50) await Bun.sleep((61 - second) * 1000)
}

const fire = (name: string, token: string | null = TEST_SECRETS.ADMIN_TOKEN) =>
  fetch(`${cluster.urls.server1}/api/admin/schedules/${name}/fire`, { method: 'POST', ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) })

async function cli(args: string[], databaseUrl: string) {
  const proc = Bun.spawn(['bun', CLI, ...args], { stdout: 'pipe', stderr: 'pipe', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', DATABASE_URL: databaseUrl } })
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited])
  return { code, stdout, stderr }
}

test('an operator fires the coach now: a manual trigger through fire_schedule(), claimed and run by Server 2', async () => {
  const res = await fire('coach')
  expect(res.status).toBe(200)
  const fired = (await res.json()) as { trigger_id: number; fired: boolean; server: string; agent: string; due_at: string }
  expect(fired).toMatchObject({ fired: true, server: 'server2', agent: 'coach' })
  expect(new Date(fired.due_at).getSeconds()).toBe(0)
  const [trigger] = await sql<{ id: string; source: string; status: string }[]>`SELECT id, source, status FROM cron_triggers`
  expect(trigger).toMatchObject({ id: String(fired.trigger_id), source: 'manual' })
  const run = await waitFor('the coach run', async () => {
    const [row] = await sql<{ status: string }[]>`SELECT status FROM agent_runs WHERE idempotency_key = ${`coach:cron:${fired.trigger_id}`}`
    return row?.status === 'succeeded' ? row : null
  })
  expect(run.status).toBe('succeeded')
  expect((await sql`SELECT status FROM cron_triggers WHERE id = ${fired.trigger_id}`)[0]?.status).toBe('dispatched')
})

test('firing again in the same minute (a double click, a retried POST) returns the same trigger and runs once', async () => {
  await awayFromMinuteEnd()
  const [first, second] = await Promise.all([fire('coach'), fire('coach')])
  const answers = [(await first.json()) as { trigger_id: number; fired: boolean }, (await second.json()) as { trigger_id: number; fired: boolean }]
  expect(answers.map((a) => a.fired).toSorted()).toEqual([false, true])
  expect(answers[0]?.trigger_id).toBe(answers[1]?.trigger_id as number)
  await waitFor('the coach run', async () => (await sql`SELECT 1 FROM agent_runs WHERE agent = 'coach' AND status = 'succeeded'`).length > 0)
  expect((await sql`SELECT count(*)::int AS n FROM cron_triggers`)[0]?.n).toBe(1)
  expect((await sql`SELECT count(*)::int AS n FROM agent_runs WHERE agent = 'coach'`)[0]?.n).toBe(1)
})

test('no admin token is a 401 and an unknown schedule a 422; neither records a trigger', async () => {
  expect((await fire('coach', null)).status).toBe(401)
  expect((await fire('coach', 'not-the-admin-token-0123456789abcdef0123')).status).toBe(401)
  const unknown = await fire('jd-clean')
  expect(unknown.status).toBe(422)
  expect(((await unknown.json()) as { field?: string }).field).toBe('name')
  expect((await sql`SELECT count(*)::int AS n FROM cron_triggers`)[0]?.n).toBe(0)
})

test('bun run schedule:fire fires through the same path, and says in one line what is wrong otherwise', async () => {
  const ok = await cli(['scrape'], db.url)
  expect(ok.code).toBe(0)
  expect(ok.stdout).toMatch(/^fired scrape \(trigger \d+, due .+\): server3 runs scrape/)
  expect((await sql`SELECT schedule, source FROM cron_triggers`).map((r) => [r.schedule, r.source])).toEqual([['scrape', 'manual']])

  const unknown = await cli(['nope'], db.url)
  expect(unknown.code).toBe(2)
  expect(unknown.stderr.trim()).toBe(
    `schedule:fire: name one schedule: ${TIMED_SCHEDULES.map((s) => s.name).join(', ')} (usage: bun run schedule:fire <schedule>)`,
  )

  const noDatabase = await cli(['coach'], `postgres://postgres@127.0.0.1:${freePort()}/postgres`)
  expect(noDatabase.code).toBe(1)
  expect(noDatabase.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^schedule:fire: cannot reach PostgreSQL at 127\.0\.0\.1:\d+ \(connection refused\): is it running\? Check DATABASE_URL$/)])
  expect((await sql`SELECT count(*)::int AS n FROM cron_triggers`)[0]?.n).toBe(1)
})
