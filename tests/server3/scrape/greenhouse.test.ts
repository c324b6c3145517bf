import { afterEach, expect, test } from 'bun:test'
import { runSources } from '../../../server3/agents/scrape/run-sources.ts'
import { type FixtureServer, generateFixtureJobs, startGreenhouseFixture } from '../../../scripts/fixtures/job-boards/index.ts'
import { fastRunOptions, sourceRow } from './run-options.ts'

let server: FixtureServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

test('maps board jobs: unescaped content, absolute_url, company_name, location.name, first_published', async () => {
  const jobs = generateFixtureJobs({ count: 3, roles: ['Backend Developer'], cities: ['Hyderabad'] }).map((job) => ({ ...job, workMode: 'onsite' as const }))
  server = startGreenhouseFixture({ boards: { acme: jobs } })
  const { opts, sleeps } = fastRunOptions()
  const result = await runSources([sourceRow('greenhouse', server.url, { boards: ['acme'] })], [{ role: 'backend developer', city: 'hyderabad' }], opts)
  expect(server.requests[0]?.query.content).toBe('true')
  expect(result.jobs).toHaveLength(3)
  result.jobs.forEach((scraped, i) => {
    const job = jobs[i]
    if (!job) throw new Error('missing fixture job')
    expect(scraped.external_id).toMatch(/^\d+$/)
    expect(scraped.url).toBe(`${server?.url}/acme/jobs/${scraped.external_id}`)
    expect(scraped.title).toBe(job.title)
    expect(scraped.company).toBe(job.company)
    expect(scraped.location_text).toBe('Hyderabad, India')
    expect(scraped.raw_jd).toBe(job.descriptionHtml)
    expect(scraped.posted_at).toEqual(job.postedAt)
  })
  // company boards are public APIs, not paced
  expect(sleeps).toEqual([])
})

test('keeps only titles with every word of the role, in the city or remote', async () => {
  const jobs = generateFixtureJobs({ count: 60 })
  server = startGreenhouseFixture({ boards: { acme: jobs } })
  const { opts } = fastRunOptions()
  const result = await runSources([sourceRow('greenhouse', server.url, { boards: ['acme'] })], [{ role: 'Data Analyst', city: 'Bangalore' }], opts)
  const expected = jobs.filter((job) => job.title.includes('Data Analyst') && (job.city === 'Bengaluru' || job.workMode === 'remote'))
  expect(expected.length).toBeGreaterThan(0)
  expect(result.jobs.map((job) => job.title).toSorted()).toEqual(expected.map((job) => job.title).toSorted())
})

test('each board is fetched once per run, and an unknown board is reported while the others count', async () => {
  server = startGreenhouseFixture({ boards: { acme: generateFixtureJobs({ count: 20, roles: ['Data Analyst', 'Product Manager'], cities: ['Pune'] }) } })
  const { opts } = fastRunOptions()
  const result = await runSources(
    [sourceRow('greenhouse', server.url, { boards: ['acme', 'gone-company'] })],
    [{ role: 'data analyst', city: 'pune' }, { role: 'product manager', city: 'pune' }],
    opts,
  )
  expect(server.requests.map((r) => r.path)).toEqual(['/v1/boards/acme/jobs', '/v1/boards/gone-company/jobs'])
  expect(result.perSource.greenhouse?.count).toBe(20)
  expect(result.perSource.greenhouse?.errors).toEqual([expect.stringContaining('board gone-company: HTTP 404')])
})
