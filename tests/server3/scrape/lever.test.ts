import { afterEach, expect, test } from 'bun:test'
import { runSources } from '../../../server3/agents/scrape/run-sources.ts'
import { type FixtureServer, generateFixtureJobs, startLeverFixture } from '../../../scripts/fixtures/job-boards/index.ts'
import { fastRunOptions, sourceRow } from './run-options.ts'

let server: FixtureServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

test('maps postings: description + lists + additional as the JD, createdAt, salaryRange, configured company', async () => {
  const jobs = generateFixtureJobs({ count: 4, roles: ['DevOps Engineer'], cities: ['Chennai'] })
  server = startLeverFixture({ boards: { 'acme-labs': jobs } })
  const { opts } = fastRunOptions()
  const result = await runSources(
    [sourceRow('lever', server.url, { boards: [{ board: 'acme-labs', company: 'Acme Labs Pvt Ltd' }] })],
    [{ role: 'devops engineer', city: 'chennai' }],
    opts,
  )
  expect(result.jobs).toHaveLength(4)
  result.jobs.forEach((scraped, i) => {
    const job = jobs[i]
    if (!job) throw new Error('missing fixture job')
    expect(scraped.external_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(scraped.url).toBe(`${server?.url}/acme-labs/${scraped.external_id}`)
    expect(scraped.company).toBe('Acme Labs Pvt Ltd')
    expect(scraped.title).toBe(job.title)
    expect(scraped.location_text).toBe(job.workMode === 'remote' ? 'Chennai (Remote)' : 'Chennai')
    expect(scraped.raw_jd).toContain(`is hiring a ${job.title} in Chennai`)
    expect(scraped.raw_jd).toContain('<h3>Requirements</h3><ul>')
    expect(scraped.raw_jd).toContain('equal opportunity employer')
    expect(scraped.posted_at).toEqual(job.postedAt)
    expect(scraped.salary_text).toBe(job.salaryLakhs ? `INR ${job.salaryLakhs.min * 100_000}–${job.salaryLakhs.max * 100_000} per-year-salary` : undefined)
  })
})

test('pages a site with skip/limit until a short page; company defaults to the site name', async () => {
  server = startLeverFixture({ boards: { 'zen-ai': generateFixtureJobs({ count: 200, roles: ['Data Analyst'], cities: ['Pune'] }) } })
  const { opts } = fastRunOptions()
  const result = await runSources([sourceRow('lever', server.url, { boards: ['zen-ai'] })], [{ role: 'data analyst' }], opts)
  expect(server.requests.map((r) => [r.query.mode, r.query.skip, r.query.limit])).toEqual([
    ['json', '0', '100'],
    ['json', '100', '100'],
    ['json', '200', '100'],
  ])
  expect(result.jobs).toHaveLength(200)
  expect(result.jobs[0]?.company).toBe('Zen Ai')
})
