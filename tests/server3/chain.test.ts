import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { requireChromium } from '../support/test-machine.ts'
import { startTestCluster, type TestCluster } from '../support/test-servers.ts'
import { type PortalFixture, startPortalFixture } from '../../scripts/fixtures/portal-fixture.ts'
import { type FixtureServer, generateFixtureJobs, startIndeedFixture, startLinkedinFixture } from '../../scripts/fixtures/job-boards/index.ts'
import { naukriJobDetail, startNaukriFixture } from '../../scripts/fixtures/job-boards/naukri-fixture.ts'
import { postAgent, waitForApplyIdle, waitForRun } from './support/agent-calls.ts'
import { seedConnection, seedScore, seedUser } from './support/seed.ts'

let db: TestDatabase
let cluster: TestCluster
let sql: postgres.Sql
let portal: PortalFixture
let dataDir: string
const servers: FixtureServer[] = []
const SEED = 'chain'
const jobs = generateFixtureJobs({ count: 3, roles: ['Data Analyst'], cities: ['Bengaluru'], seed: SEED })

beforeAll(async () => {
  requireChromium()
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4 })
  portal = startPortalFixture()
  dataDir = await mkdtemp(join(tmpdir(), 'talvix-chain-'))
  // Naukri's job links point at the portal fixture, where the browser applies
  const naukri = startNaukriFixture({ jobs, seed: SEED })
  const linkedin = startLinkedinFixture({ jobs, seed: SEED })
  const indeed = startIndeedFixture({ jobs, seed: SEED })
  servers.push(naukri, linkedin, indeed)
  await sql`
    INSERT INTO job_sources (id, kind, base_url, enabled, config) VALUES
      ('1-naukri', 'naukri', ${naukri.url}, TRUE, ${sql.json({ siteUrl: portal.url })}),
      ('2-linkedin', 'linkedin', ${linkedin.url}, TRUE, '{}'),
      ('3-indeed', 'indeed', ${indeed.url}, TRUE, '{}')`
  cluster = await startTestCluster(db.url, ['server2', 'server3'], {
    DATA_DIR: dataDir,
    SCRAPE_PACE_MIN_MS: '0',
    SCRAPE_PACE_MAX_MS: '0',
    SCRAPE_RETRY_BASE_MS: '1',
    APPLY_PACE_MIN_MS: '0',
    APPLY_PACE_MAX_MS: '0',
    APPLY_COMPANY_COOLDOWN_DAYS: '0',
  })
})

afterAll(async () => {
  await cluster.stopAll()
  await Promise.all(servers.map((s) => s.stop()))
  await portal.stop()
  await sql.end()
  await db.drop()
  await rm(dataDir, { recursive: true, force: true })
})

test('scrape → jd-clean → fit-score(delta) → apply, end to end through the real servers', async () => {
  const user = await seedUser(sql, dataDir, { minScore: 30 })
  await seedConnection(sql, user, 'naukri', { cookies: [{ name: portal.cookie.name, value: portal.cookie.value }] })
  // Scores from an earlier cycle for the Naukri postings (the scrape updates these rows in place);
  // a scorer that rescores them in the delta replaces them, and the assertions follow the table.
  for (const [i, job] of jobs.entries()) {
    const [row] = await sql<{ id: string }[]>`
      INSERT INTO jobs (source, external_id, title, company, raw_jd, last_seen_at)
      VALUES ('naukri', ${String(naukriJobDetail(job, SEED).jobId)}, ${job.title}, ${job.company}, 'earlier text', now())
      RETURNING id`
    await seedScore(sql, user, Number(row!.id), [82, 70, 64][i] ?? 60)
  }

  await postAgent(cluster, 'scrape', { trigger: 'manual:chain' })
  const scrape = await waitForRun(sql, 'scrape:manual:chain')
  expect(scrape.status).toBe('succeeded')
  const scrapeRunId = Number(scrape.output?.scrape_run_id)
  for (const key of [`jd-clean:${scrapeRunId}`, `fit-score:delta:${scrapeRunId}`, `apply:scrape-run:${scrapeRunId}`, `apply:user:${user}:scrape-run:${scrapeRunId}`]) {
    expect((await waitForRun(sql, key, 60_000)).status).toBe('succeeded')
  }
  await waitForApplyIdle(sql, 120_000)

  const [run] = await sql`SELECT status, scoring_complete, jobs_found FROM scrape_runs WHERE id = ${scrapeRunId}`
  expect(run).toMatchObject({ status: 'succeeded', scoring_complete: true, jobs_found: 9 })
  const rows = await sql`SELECT source, jd_cleaned, duplicate_of FROM jobs WHERE scrape_run_id = ${scrapeRunId}`
  expect(rows).toHaveLength(9)
  expect(rows.every((r) => r.jd_cleaned)).toBe(true)
  expect(rows.filter((r) => r.duplicate_of === null).map((r) => r.source)).toEqual(['naukri', 'naukri', 'naukri'])

  const expected = await sql<{ job_id: string; score: number }[]>`
    SELECT f.job_id, f.score FROM fit_scores f JOIN jobs j ON j.id = f.job_id
     WHERE f.user_id = ${user} AND f.score >= 30 AND j.duplicate_of IS NULL ORDER BY f.job_id`
  expect(expected.length).toBeGreaterThan(0)
  const apps = await sql<{ job_id: string; auto_status: string; id: string }[]>`
    SELECT id, job_id, auto_status FROM job_applications WHERE user_id = ${user} ORDER BY job_id`
  expect(apps.map((a) => a.job_id)).toEqual(expected.map((e) => e.job_id))
  expect(apps.every((a) => a.auto_status === 'applied')).toBe(true)
  expect(portal.submissions).toHaveLength(apps.length)
  expect(portal.submissions.every((s) => s.file?.head.startsWith('%PDF-'))).toBe(true)
  // strong matches went through tailoring ∥ cover letter first
  for (const strong of expected.filter((e) => e.score >= 75)) {
    const app = apps.find((a) => a.job_id === strong.job_id)!
    const prep = await sql`SELECT status FROM agent_runs WHERE idempotency_key IN (${`resume-tailor:${app.id}`}, ${`cover-letter:${app.id}`})`
    expect(prep.map((p) => p.status)).toEqual(['succeeded', 'succeeded'])
  }
}, 180_000)
