import { afterEach, expect, test } from 'bun:test'
import { runSources } from '../../../server3/agents/scrape/run-sources.ts'
import { type FixtureServer, generateFixtureJobs, startIndeedFixture } from '../../../scripts/fixtures/job-boards/index.ts'
import { fastRunOptions, sourceRow } from './run-options.ts'

let server: FixtureServer | undefined
let stopExtra: (() => void) | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
  stopExtra?.()
  stopExtra = undefined
})

test('maps jobSearch results: key, employer, formatted location, description html, compensation', async () => {
  const jobs = generateFixtureJobs({ count: 6, roles: ['Software Engineer'], cities: ['Bengaluru'] })
  server = startIndeedFixture({ jobs })
  const { opts } = fastRunOptions()
  const result = await runSources([sourceRow('indeed', server.url)], [{ role: 'software engineer', city: 'bengaluru' }], opts)
  expect(result.jobs).toHaveLength(6)
  result.jobs.forEach((scraped, i) => {
    const job = jobs[i]
    if (!job) throw new Error('missing fixture job')
    expect(scraped.external_id).toMatch(/^[0-9a-f]{16}$/)
    expect(scraped.url).toBe(`https://in.indeed.com/viewjob?jk=${scraped.external_id}`)
    expect(scraped.title).toBe(job.title)
    expect(scraped.company).toBe(job.company)
    expect(scraped.location_text).toBe('Bengaluru, Karnataka')
    expect(scraped.raw_jd).toBe(job.descriptionHtml)
    expect(scraped.posted_at).toEqual(job.postedAt)
    expect(scraped.salary_text).toBe(job.salaryLakhs ? `INR ${job.salaryLakhs.min * 100_000}–${job.salaryLakhs.max * 100_000} per YEAR` : undefined)
  })
})

test('POSTs one jobSearch query per page and follows pageInfo.nextCursor', async () => {
  server = startIndeedFixture({ jobs: generateFixtureJobs({ count: 60, roles: ['Data Analyst'], cities: ['Pune'] }) })
  const { opts, sleeps } = fastRunOptions()
  await runSources([sourceRow('indeed', server.url, { apiKey: 'k-123' })], [{ role: 'data analyst', city: 'pune' }], opts)
  const queries = server.requests.map((r) => (JSON.parse(r.body) as { query: string }).query)
  expect(server.requests.every((r) => r.method === 'POST' && r.headers['indeed-co'] === 'IN' && r.headers['indeed-api-key'] === 'k-123')).toBe(true)
  expect(queries[0]).toContain('what: "data analyst"')
  expect(queries[0]).toContain('where: "pune"')
  expect(queries[0]).not.toContain('cursor:')
  expect(queries[1]).toContain(`cursor: "${btoa('25')}"`)
  expect(queries[2]).toContain(`cursor: "${btoa('50')}"`)
  expect(sleeps).toEqual([5000, 5000])
})

test('GraphQL errors in a 200 answer are a clear source error', async () => {
  const graphql = Bun.serve({
    port: 0,
    fetch: () => Response.json({ data: null, errors: [{ message: 'Cannot query field "jobSearch" on type "Query"' }] }),
  })
  stopExtra = () => graphql.stop(true)
  const { opts } = fastRunOptions()
  const result = await runSources([sourceRow('indeed', `http://127.0.0.1:${graphql.port}`)], [{ role: 'data analyst' }], opts)
  expect(result.perSource.indeed?.errors[0]).toContain('GraphQL errors: Cannot query field "jobSearch"')
})
