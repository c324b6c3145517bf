import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import type { FiredSchedule } from '#shared/schedules/fire-schedule-now.ts'
import { sampleResumePdf } from '../../scripts/demo/sample-resume.ts'
import { DEV_MARKET_USER_ID, DEV_SOURCE_IDS, disableDevFeed, enableDevFeed } from '../../scripts/dev/enable-dev-feed.ts'
import { type DevJobFeed, startDevJobFeed } from '../../scripts/dev/job-feed.ts'
import { generateIndianPostings } from '../../scripts/fixtures/job-boards/indian-postings.ts'
import { TEST_SECRETS } from '../support/test-config.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { startTestCluster, type TestCluster } from '../support/test-servers.ts'
import { waitFor } from '../support/wait-for.ts'

const DEMO = join(import.meta.dir, '../../scripts/demo-user.ts')

let db: TestDatabase
let sql: postgres.Sql
let feed: DevJobFeed
let cluster: TestCluster
let dataDir: string
let firstScrape: FiredSchedule | null

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 2, onnotice: () => {} })
  dataDir = await mkdtemp(join(tmpdir(), 'talvix-dev-feed-'))
  feed = await startDevJobFeed(join(dataDir, 'dev-inbox'))
  cluster = await startTestCluster(db.url, ['server1', 'server2', 'server3'], { ...feed.env, DATA_DIR: dataDir })
  firstScrape = await enableDevFeed(sql, feed)
})

afterAll(async () => {
  await cluster.stopAll()
  await feed.stop()
  await sql.end()
  await db.drop()
  await rm(dataDir, { recursive: true, force: true })
})

const deltaScored = () =>
  waitFor('the first scrape to be cleaned and scored', async () => {
    const [run] = await sql<{ status: string }[]>`SELECT status FROM agent_runs WHERE idempotency_key = 'fit-score:delta:1'`
    return run?.status === 'succeeded'
  }, 60_000)

test('the first dev start fires the scrape; the adapters read all three boards and JD cleaning reads the postings back', async () => {
  expect(firstScrape).toMatchObject({ schedule: 'scrape', fired: true, server: 'server3' })
  await deltaScored()
  const [run] = await sql<{ jobs_found: number; source_stats: Record<string, { count: number; errors: string[] }> }[]>`
    SELECT jobs_found, source_stats FROM scrape_runs WHERE id = 1`
  expect(run?.jobs_found).toBe(feed.postings)
  const stats = run?.source_stats ?? {}
  expect(Object.keys(stats).toSorted()).toEqual(DEV_SOURCE_IDS.toSorted())
  for (const source of Object.values(stats)) {
    expect(source.errors).toEqual([])
    expect(source.count).toBeGreaterThan(50)
  }

  const [jobs] = await sql<{ total: number; cleaned: number; emailed: number; paid: number }[]>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE jd_cleaned)::int AS cleaned,
           count(*) FILTER (WHERE structured->>'apply_email' LIKE 'careers@%.example')::int AS emailed,
           count(*) FILTER (WHERE (structured->>'salary_min_inr')::int > 0)::int AS paid
      FROM jobs`
  expect(jobs).toMatchObject({ total: feed.postings, cleaned: feed.postings, emailed: feed.postings })
  // the generator states pay in four postings out of five; every stated CTC is read
  const stated = generateIndianPostings({ count: feed.postings, seed: 'talvix-dev' }).filter((p) => p.salaryLakhs).length
  expect(jobs?.paid).toBe(stated)
})

test('a demo-like user gets ten scored matches with explanations, skill gaps and career intel from the feed', async () => {
  await deltaScored()
  const userId = crypto.randomUUID()
  const token = await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, userId)
  const call = async (method: string, path: string, body?: object | FormData) => {
    const res = await fetch(`${cluster.urls.server1}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    })
    expect(res.ok).toBe(true)
    return res.json() as Promise<Record<string, unknown>>
  }
  await call('GET', '/api/me')
  await call('PATCH', '/api/user/profile', { locations: ['Bengaluru'], expected_salary_inr: 2_400_000 })
  await call('PATCH', '/api/user/roles', { roles: ['Backend Engineer', 'Full Stack Developer'] })
  const form = new FormData()
  form.append('file', new File([new Uint8Array(await sampleResumePdf())], 'priya-sharma.pdf'))
  await call('POST', '/api/resume/upload', form)
  const dashboard = await waitFor('onboarding', async () => {
    const d = (await call('GET', '/api/dashboard')) as {
      dashboard_ready: boolean
      top_matches: { title: string; score: number; explanation: { summary?: string } }[]
      skill_gaps: { data: { status: string; gaps: unknown[] } } | null
      career_intel: { data: { status: string; job_count: number } } | null
    }
    return d.dashboard_ready ? d : null
  }, 60_000)
  expect(dashboard.top_matches).toHaveLength(10)
  for (const match of dashboard.top_matches) {
    expect(match.title).toMatch(/Backend Engineer|Full Stack Developer/)
    expect(match.score).toBeGreaterThanOrEqual(60)
    expect(match.explanation.summary).toMatch(/match: \d+ of \d+ required skills/)
  }
  expect(dashboard.skill_gaps?.data.status).toBe('ok')
  expect(dashboard.skill_gaps?.data.gaps.length).toBeGreaterThan(0)
  expect(dashboard.career_intel?.data.status).toBe('ok')
  expect(dashboard.career_intel?.data.job_count).toBeGreaterThan(50)
})

test('bun run demo:user against the feed prints ten explained matches, applies by email to the local inbox and gets the coach', async () => {
  await deltaScored()
  // dev started a while before the demo runs: the first scrape's minute is over
  await sql`UPDATE cron_triggers SET due_at = due_at - interval '1 minute' WHERE schedule = 'scrape'`
  const proc = Bun.spawn(['bun', DEMO, '--wait', '60'], {
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      SERVER1_URL: cluster.urls.server1,
      SUPABASE_JWT_SECRET: TEST_SECRETS.SUPABASE_JWT_SECRET,
      ADMIN_TOKEN: TEST_SECRETS.ADMIN_TOKEN,
      DATA_DIR: dataDir,
    },
  })
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited])
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
  const matches = stdout.split('Top matches (10, score and why):\n')[1]?.split('Skill gaps:')[0]?.trim().split('\n') ?? []
  expect(matches).toHaveLength(20)
  expect(matches.filter((_, i) => i % 2 === 1).every((line) => /match: \d+ of \d+ required skills/.test(line))).toBe(true)
  expect(stdout).toContain('To: careers@')
  expect(stdout).toMatch(/Attachments: Priya_Sharma_Resume\.pdf/)
  expect(stdout).toMatch(/Good morning, Priya!/)
  expect(stdout).toMatch(/✓ 10 scored matches with explanations/)
  expect((await sql`SELECT count(*)::int AS n FROM apply_attempts WHERE channel = 'email' AND status = 'recorded'`)[0]?.n).toBe(1)
}, 120_000)

test('a later start finds the feed scraped: the rows move to the new ports and token, nothing is fired twice; --no-feed disables them', async () => {
  await deltaScored()
  const again = await startDevJobFeed(join(dataDir, 'dev-inbox'))
  try {
    expect(await enableDevFeed(sql, again)).toBeNull()
    const rows = await sql<{ id: string; base_url: string; enabled: boolean }[]>`
      SELECT id, base_url, enabled FROM job_sources WHERE id LIKE 'dev-%' ORDER BY id`
    expect([...rows]).toEqual(again.sources.map((s) => ({ id: s.id, base_url: s.base_url, enabled: true })).toSorted((a, b) => a.id.localeCompare(b.id)))
    const tokens = await sql<{ token: string }[]>`SELECT DISTINCT config->>'dev_feed_token' AS token FROM job_sources WHERE id LIKE 'dev-%'`
    expect(tokens.map((row) => row.token)).toEqual([again.env.DEV_FEED_TOKEN])
    expect(again.env.DEV_FEED_TOKEN).not.toBe(feed.env.DEV_FEED_TOKEN)
    expect((await sql`SELECT count(*)::int AS n FROM users WHERE id = ${DEV_MARKET_USER_ID}`)[0]?.n).toBe(1)
    await disableDevFeed(sql)
    expect((await sql`SELECT count(*)::int AS n FROM job_sources WHERE id LIKE 'dev-%' AND enabled`)[0]?.n).toBe(0)
    // switched off, the market searcher no longer widens a scrape of the real sources
    expect((await sql`SELECT cardinality(target_roles) AS n FROM users WHERE id = ${DEV_MARKET_USER_ID}`)[0]?.n).toBe(0)
    expect((await sql`SELECT count(*)::int AS n FROM job_sources WHERE id NOT LIKE 'dev-%' AND enabled`)[0]?.n).toBe(0)
  } finally {
    await again.stop()
  }
})
