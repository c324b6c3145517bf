import { afterAll, beforeAll, expect, test } from 'bun:test'
import postgres from 'postgres'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { startTestCluster, type TestCluster } from '../../support/test-servers.ts'
import { postAgent, waitForRun } from '../support/agent-calls.ts'
import { type FixtureServer, generateFixtureJobs, startGreenhouseFixture, startIndeedFixture, startLinkedinFixture, startNaukriFixture } from '../../../scripts/fixtures/job-boards/index.ts'

let db: TestDatabase
let cluster: TestCluster
let sql: postgres.Sql
const servers: FixtureServer[] = []
const jobs = generateFixtureJobs({ count: 4, roles: ['Data Analyst'], cities: ['Bengaluru'], seed: 'agent' })

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 2 })
  const naukri = startNaukriFixture({ jobs, seed: 'agent' })
  const linkedin = startLinkedinFixture({ jobs, seed: 'agent', mode: 'rate-limit-once', retryAfterSeconds: 0 })
  const indeed = startIndeedFixture({ jobs, seed: 'agent' })
  const greenhouse = startGreenhouseFixture({ mode: 'server-error', boards: {} })
  servers.push(naukri, linkedin, indeed, greenhouse)
  // ids sort in the order sources are merged, so the Naukri copy is the original
  await sql`
    INSERT INTO job_sources (id, kind, base_url, enabled, config) VALUES
      ('1-naukri', 'naukri', ${naukri.url}, TRUE, '{}'),
      ('2-linkedin', 'linkedin', ${linkedin.url}, TRUE, '{}'),
      ('3-indeed', 'indeed', ${indeed.url}, TRUE, '{}'),
      ('4-greenhouse', 'greenhouse', ${greenhouse.url}, TRUE, ${sql.json({ boards: ['acme'] })}),
      ('5-lever-off', 'lever', 'http://127.0.0.1:9', FALSE, ${sql.json({ boards: ['acme'] })})`
  await sql`INSERT INTO users (id, target_roles, locations) VALUES (${crypto.randomUUID()}, ${['Data Analyst']}, ${['Bangalore']})`
  cluster = await startTestCluster(db.url, ['server3'], { SCRAPE_PACE_MIN_MS: '0', SCRAPE_PACE_MAX_MS: '0', SCRAPE_RETRY_BASE_MS: '1' })
})

afterAll(async () => {
  await cluster.stopAll()
  await Promise.all(servers.map((s) => s.stop()))
  await sql.end()
  await db.drop()
})

test('a run: sources from job_sources, queries from users, jobs upserted and linked across platforms, stats kept, JD cleaning next', async () => {
  const accepted = await postAgent(cluster, 'scrape', { trigger: 'manual:first' })
  const run = await waitForRun(sql, 'scrape:manual:first')
  expect(run.status).toBe('succeeded')
  const [scrapeRun] = await sql`SELECT id, agent_run_id, status, jobs_found, source_stats, finished_at FROM scrape_runs`
  expect(scrapeRun).toMatchObject({ agent_run_id: accepted.run_id, status: 'succeeded', jobs_found: 12 })
  const stats = scrapeRun!.source_stats as Record<string, { kind: string; count: number; errors: string[] }>
  expect(Object.keys(stats).sort()).toEqual(['1-naukri', '2-linkedin', '3-indeed', '4-greenhouse'])
  expect(stats['1-naukri']).toMatchObject({ count: 4, errors: [] })
  expect(stats['2-linkedin']).toMatchObject({ count: 4, errors: [] })
  expect(stats['4-greenhouse']?.count).toBe(0)
  expect(stats['4-greenhouse']?.errors[0]).toContain('HTTP 500')

  const rows = await sql<{ id: string; source: string; duplicate_of: string | null; dedupe_key: string; scrape_run_id: string }[]>`
    SELECT id, source, duplicate_of, dedupe_key, scrape_run_id FROM jobs ORDER BY id`
  expect(rows).toHaveLength(12)
  expect(rows.every((r) => Number(r.scrape_run_id) === Number(scrapeRun!.id))).toBe(true)
  const originals = rows.filter((r) => r.duplicate_of === null)
  expect(originals.map((r) => r.source)).toEqual(['naukri', 'naukri', 'naukri', 'naukri'])
  for (const copy of rows.filter((r) => r.duplicate_of !== null)) {
    const original = rows.find((r) => r.id === copy.duplicate_of)
    expect(original?.dedupe_key).toBe(copy.dedupe_key)
  }

  const [next] = await sql`SELECT status, input FROM agent_runs WHERE idempotency_key = ${`jd-clean:${scrapeRun!.id}`}`
  expect(next?.input).toEqual({ scrape_run_id: Number(scrapeRun!.id) })
  const [alert] = await sql`SELECT audience, kind FROM notifications WHERE dedupe_key = ${`scrape-source-errors:${scrapeRun!.id}`}`
  expect(alert).toMatchObject({ audience: 'operator', kind: 'scrape_source_errors' })
}, 60_000)

test('a second run updates the same rows (no duplicates) and stamps them with the new run', async () => {
  await sql`UPDATE jobs SET jd_cleaned = TRUE`
  await postAgent(cluster, 'scrape', { trigger: 'manual:second' })
  await waitForRun(sql, 'scrape:manual:second')
  const [second] = await sql`SELECT id FROM scrape_runs ORDER BY id DESC LIMIT 1`
  const rows = await sql`SELECT scrape_run_id, jd_cleaned FROM jobs`
  expect(rows).toHaveLength(12)
  expect(rows.every((r) => Number(r.scrape_run_id) === Number(second!.id))).toBe(true)
  // unchanged postings keep their cleaning
  expect(rows.every((r) => r.jd_cleaned)).toBe(true)
  expect(await sql`SELECT 1 FROM jobs WHERE duplicate_of IS NOT NULL`).toHaveLength(8)
}, 60_000)
