import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import postgres from 'postgres'
import { startServer } from '#shared/boot/start-server.ts'
import { server2Spec } from '../../server2/index.ts'
import { server3Spec } from '../../server3/index.ts'
import { freePort } from '../support/free-port.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { instanceOptions, startTestCluster, type TestCluster } from '../support/test-servers.ts'
import { waitFor } from '../support/wait-for.ts'

let db: TestDatabase
let sql: postgres.Sql
let cluster: TestCluster
const extraInstances: { stop(): Promise<void> }[] = []

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4, onnotice: () => {} })
  // two instances of each agent server, as behind a load balancer: pollers must not double up
  cluster = await startTestCluster(db.url, ['server2', 'server3'])
  extraInstances.push(await startServer(server2Spec, cluster.config, instanceOptions(freePort())))
  extraInstances.push(await startServer(server3Spec, cluster.config, instanceOptions(freePort())))
})

afterAll(async () => {
  for (const instance of extraInstances) await instance.stop()
  await cluster.stopAll()
  await sql.end()
  await db.drop()
})

async function newUser(fields: Record<string, unknown> = {}) {
  const id = crypto.randomUUID()
  await sql`INSERT INTO users ${sql({ id, ...fields })}`
  return id
}

describe('DB-flag pollers (two instances of each server running)', () => {
  test('fit_scores_stale = TRUE → one full scan per user, flag cleared', async () => {
    const since = new Date()
    const users = await Promise.all(
      Array.from({ length: 20 }, () => newUser({ fit_scores_stale: true, fit_scores_stale_since: since })),
    )
    await waitFor('all stale flags cleared', async () => {
      const [row] = await sql`SELECT count(*)::int AS n FROM users WHERE id = ANY (${users}) AND fit_scores_stale`
      return row?.n === 0
    })
    const runs = await sql`SELECT user_id, attempts FROM agent_runs WHERE agent = 'fit-score' AND user_id = ANY (${users})`
    expect(runs).toHaveLength(20)
    expect(runs.every((r) => r.attempts === 1)).toBe(true)
  })

  test('jd_cleaned = FALSE → JD cleaning, then scoring_complete = FALSE → delta fit scoring', async () => {
    const [scrapeRun] = await sql`INSERT INTO scrape_runs (status) VALUES ('succeeded') RETURNING id`
    const id = Number(scrapeRun!.id)
    await sql`INSERT INTO jobs (source, external_id, title, company, raw_jd, scrape_run_id)
              VALUES ('ashby', 'poll-1', 'HR Executive', 'PeopleCo', 'Payroll, PF/ESI', ${id})`
    const runs = await waitFor('both runs to succeed', async () => {
      const rows = await sql`
        SELECT agent, status, attempts FROM agent_runs
         WHERE idempotency_key IN (${`jd-clean:${id}`}, ${`fit-score:delta:${id}`}) AND status = 'succeeded'
         ORDER BY agent DESC`
      return rows.length === 2 ? rows : null
    })
    expect(runs.map((r) => [r.agent, r.attempts])).toEqual([['jd-clean', 1], ['fit-score', 1]])
    const [row] = await sql`SELECT scoring_complete FROM scrape_runs WHERE id = ${id}`
    expect(row?.scoring_complete).toBe(true)
  })

  test("auto_status = 'queued' waits while review mode lasts and is released when it expires", async () => {
    const reviewing = await newUser({ review_mode_until: new Date(Date.now() + 3_600_000) })
    const expired = await newUser({ review_mode_until: new Date(Date.now() - 1_000) })
    const insertQueued = async (userId: string, title: string) => {
      const [row] = await sql`
        INSERT INTO job_applications (user_id, job_url, company, title, source, auto_status, fit_score)
        VALUES (${userId}, ${`https://jobs.example/${title}`}, 'Acme', ${title}, 'auto', 'queued', 60) RETURNING id`
      return Number(row!.id)
    }
    const waiting = await insertQueued(reviewing, 'waiting')
    const released = await insertQueued(expired, 'released')
    // what Agent 12 then does with it (channels, sessions, quota) is tested in tests/server3
    const applyRuns = await waitFor('Agent 12 started for the expired user’s apply', async () => {
      const rows = await sql`
        SELECT idempotency_key FROM agent_runs WHERE agent = 'apply' AND input->>'application_id' = ${String(released)}`
      return rows.length > 0 ? rows : null
    })
    await Bun.sleep(700)
    expect(applyRuns.map((r) => r.idempotency_key)).toEqual([`apply:application:${released}:review-expired:1`])
    const [releasedRow] = await sql`SELECT auto_status FROM job_applications WHERE id = ${released}`
    expect(releasedRow?.auto_status).not.toBe('queued')
    const [still] = await sql`SELECT auto_status FROM job_applications WHERE id = ${waiting}`
    expect(still?.auto_status).toBe('queued')
    expect(await sql`SELECT 1 FROM agent_runs WHERE agent = 'apply' AND input->>'application_id' = ${String(waiting)}`).toHaveLength(0)
  })

  test('is_valid = FALSE → one notification and one WhatsApp alert per invalidation', async () => {
    const userId = await newUser({ phone_e164: '+919812345678', phone_verified: true })
    const [connection] = await sql`
      INSERT INTO user_connections (user_id, platform, ciphertext, key_id, is_valid, invalidated_at, invalid_reason)
      VALUES (${userId}, 'naukri', '\\x00', 'k1', false, now(), 'cookie expired') RETURNING id`
    const alerts = async () => {
      const [n] = await sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND kind = 'session_invalid'`
      const [w] = await sql`SELECT count(*)::int AS n FROM wa_messages WHERE user_id = ${userId} AND kind = 'session_invalid'`
      return [n?.n, w?.n]
    }
    await waitFor('the first alert', async () => (await alerts())[0] === 1)
    await Bun.sleep(900)
    expect(await alerts()).toEqual([1, 1])
    await sql`UPDATE user_connections SET is_valid = true, invalidated_at = NULL WHERE id = ${connection!.id}`
    await sql`UPDATE user_connections SET is_valid = false, invalidated_at = now() WHERE id = ${connection!.id}`
    await waitFor('the second invalidation’s alert', async () => (await alerts())[0] === 2)
    await Bun.sleep(900)
    expect(await alerts()).toEqual([2, 2])
  })
})
