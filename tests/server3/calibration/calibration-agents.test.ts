import { afterAll, beforeAll, expect, test } from 'bun:test'
import postgres from 'postgres'
import { rollbackScoringWeights } from '../../../server1/operator/rollback-scoring-weights.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { startTestCluster, type TestCluster } from '../../support/test-servers.ts'
import { postAgent, waitForRun } from '../support/agent-calls.ts'
import { syntheticOutcomes } from './synthetic-outcomes.ts'

let db: TestDatabase
let cluster: TestCluster
let sql: postgres.Sql

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4 })
  cluster = await startTestCluster(db.url, ['server3'])
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await db.drop()
})

const active = () => sql`SELECT version, weights, previous_version FROM scoring_weights WHERE is_active`.then(([r]) => r!)

/** Outcomes as the product records them: fit_scores components + an application whose status moved on. */
async function seedOutcomes(count: number, predictor: string, seed: number) {
  const users = Array.from({ length: 5 }, () => crypto.randomUUID())
  for (const id of users) await sql`INSERT INTO users (id, applies_this_week, week_started_at) VALUES (${id}, 3, now() - interval '8 days')`
  const data = syntheticOutcomes(count, predictor, seed)
  for (const [i, d] of data.entries()) {
    const user = users[i % users.length]!
    const [job] = await sql<{ id: string }[]>`
      INSERT INTO jobs (source, external_id, title, company, raw_jd) VALUES ('naukri', ${`cal-${seed}-${i}`}, 'Analyst', ${`Co ${i}`}, 'x') RETURNING id`
    await sql`INSERT INTO fit_scores (user_id, job_id, score, components, explanation) VALUES (${user}, ${job!.id}, 70, ${sql.json(d.components)}, '{}')`
    await sql`
      INSERT INTO job_applications (user_id, job_id, company, title, source, status)
      VALUES (${user}, ${job!.id}, ${`Co ${i}`}, 'Analyst', 'manual', ${d.outcome.success ? 'interview' : 'rejected'})`
  }
  return users
}

test('thin data: the weekly run resets counters but keeps the weights', async () => {
  const before = await active()
  const users = await seedOutcomes(20, 'location', 1)
  await postAgent(cluster, 'calibrate-weekly', { trigger: 'manual:thin' })
  const run = await waitForRun(sql, 'calibrate-weekly:manual:thin')
  expect(run.output).toMatchObject({ changed: false, reason: 'not enough outcomes', sample_size: 20 })
  expect((await active()).version).toBe(before.version)
  const [u] = await sql`SELECT applies_this_week, week_started_at FROM users WHERE id = ${users[0]!}`
  expect(u?.applies_this_week).toBe(0)
  expect(Date.now() - (u!.week_started_at as Date).getTime()).toBeLessThan(7 * 86_400_000)
})

test('a predictive component gains weight in a new active version; scored users go stale; rollback restores the previous version', async () => {
  const before = await active()
  await seedOutcomes(400, 'location', 2)
  await sql`UPDATE users SET fit_scores_stale = FALSE, fit_scores_stale_since = NULL`
  await postAgent(cluster, 'calibrate-weekly', { trigger: 'manual:fit' })
  const run = await waitForRun(sql, 'calibrate-weekly:manual:fit', 60_000)
  expect(run.output).toMatchObject({ changed: true })
  const after = await active()
  expect(after.previous_version).toBe(before.version)
  const [w0, w1] = [before.weights as Record<string, number>, after.weights as Record<string, number>]
  expect(w1.location! - w0.location!).toBeGreaterThan(0.04)
  for (const name of Object.keys(w0)) if (name !== 'location') expect(w1[name]!).toBeLessThanOrEqual(w0[name]! + 1e-9)
  const [stale] = await sql`SELECT count(*)::int AS n FROM users WHERE fit_scores_stale AND fit_scores_stale_since IS NOT NULL`
  expect(stale?.n).toBe(10)

  const rolled = await rollbackScoringWeights(sql, { to_version: after.previous_version })
  expect(rolled).toMatchObject({ rolled_back: after.version, active: before.version })
  expect((await active()).weights).toEqual(before.weights)
  const [gone] = await sql`SELECT is_active, rolled_back_at FROM scoring_weights WHERE version = ${after.version}`
  expect(gone?.is_active).toBe(false)
  expect(gone?.rolled_back_at).toBeInstanceOf(Date)
  expect(await rollbackScoringWeights(sql, { to_version: before.version })).toEqual({ active: before.version, rolled_back: null, stale_users: 0 })
}, 60_000)

test('Layer 2 daily: a user whose approvals favour one component gets a bounded offset and a rescan', async () => {
  const id = crypto.randomUUID()
  await sql`INSERT INTO users (id) VALUES (${id})`
  for (let i = 0; i < 40; i++) {
    const liked = i % 2 === 0
    const components = { required_skills: 0.5, nice_skills: 0.5, title: liked ? 0.95 : 0.15, experience: 0.5, location: 0.5, salary: 0.5, text: 0.5 }
    const [job] = await sql<{ id: string }[]>`
      INSERT INTO jobs (source, external_id, title, company, raw_jd) VALUES ('naukri', ${`l2-${i}`}, 'Analyst', 'Co', 'x') RETURNING id`
    await sql`INSERT INTO fit_scores (user_id, job_id, score, components, explanation) VALUES (${id}, ${job!.id}, 70, ${sql.json(components)}, '{}')`
    await sql`INSERT INTO signals (user_id, kind, job_id) VALUES (${id}, ${liked ? 'approved' : 'skipped'}, ${job!.id})`
  }
  await sql`UPDATE users SET fit_scores_stale = FALSE WHERE id = ${id}`
  await postAgent(cluster, 'calibrate-daily', { trigger: 'manual:daily' })
  await waitForRun(sql, 'calibrate-daily:manual:daily')
  const [row] = await sql`SELECT offsets, sample_size FROM user_scoring_offsets WHERE user_id = ${id}`
  const offsets = row?.offsets as Record<string, number>
  expect(offsets.title).toBeGreaterThan(0.05)
  expect(offsets.title).toBeLessThanOrEqual(0.1)
  expect(Math.abs(offsets.salary ?? 1)).toBeLessThan(0.001)
  expect(row?.sample_size).toBe(40)
  const [u] = await sql`SELECT fit_scores_stale FROM users WHERE id = ${id}`
  expect(u?.fit_scores_stale).toBe(true)
})
