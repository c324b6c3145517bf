import { afterEach, expect, test } from 'bun:test'
import { parseNaukriAge } from '../../../server3/agents/scrape/adapters/naukri.ts'
import { runSources } from '../../../server3/agents/scrape/run-sources.ts'
import { type FixtureServer, generateFixtureJobs, startNaukriFixture } from '../../../scripts/fixtures/job-boards/index.ts'
import { TEST_NOW, fastRunOptions, sourceRow } from './run-options.ts'

let server: FixtureServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

test('maps jobDetails: placeholders, tagsAndSkills, jdURL and createdDate', async () => {
  const jobs = generateFixtureJobs({ count: 8, roles: ['Data Analyst'], cities: ['Pune'] })
  server = startNaukriFixture({ jobs })
  const { opts } = fastRunOptions()
  const result = await runSources([sourceRow('naukri', server.url)], [{ role: 'data analyst', city: 'pune' }], opts)
  expect(result.jobs).toHaveLength(8)
  result.jobs.forEach((scraped, i) => {
    const job = jobs[i]
    if (!job) throw new Error('missing fixture job')
    expect(scraped.source).toBe('naukri')
    expect(scraped.external_id).toMatch(/^\d{12}$/)
    expect(scraped.url).toStartWith('https://www.naukri.com/job-listings-')
    expect(scraped.url).toEndWith(scraped.external_id)
    expect(scraped.title).toBe(job.title)
    expect(scraped.company).toBe(job.company)
    expect(scraped.location_text).toBe(job.workMode === 'hybrid' ? 'Hybrid - Pune' : 'Pune')
    expect(scraped.raw_jd).toBe(job.descriptionHtml)
    expect(scraped.posted_at).toEqual(job.postedAt)
    expect(scraped.experience_text).toBe(`${job.experienceYears.min}-${job.experienceYears.max} Yrs`)
    expect(scraped.salary_text).toBe(job.salaryLakhs ? `${job.salaryLakhs.min}-${job.salaryLakhs.max} Lacs P.A.` : undefined)
    expect(scraped.skills).toEqual(job.skills)
  })
})

test('sends the web client headers and pages with pageNo, 20 per page, paced 3–7 s', async () => {
  server = startNaukriFixture({ jobs: generateFixtureJobs({ count: 45, roles: ['Data Analyst'], cities: ['Bengaluru'] }) })
  const { opts, sleeps } = fastRunOptions()
  await runSources([sourceRow('naukri', server.url)], [{ role: 'data analyst', city: 'bengaluru' }], opts)
  expect(server.requests.map((r) => r.query.pageNo)).toEqual(['1', '2', '3'])
  for (const request of server.requests) {
    expect(request.headers.appid).toBeTruthy()
    expect(request.headers.systemid).toBeTruthy()
    expect(request.query).toMatchObject({ noOfResults: '20', keyword: 'data analyst', location: 'bengaluru', urlType: 'search_by_key_loc', seoKey: 'data-analyst-jobs-in-bengaluru' })
  }
  // random() is 0.5 in tests: the middle of 3–7 s, once between each two pages
  expect(sleeps).toEqual([5000, 5000])
})

test('a query without a city searches by keyword alone', async () => {
  server = startNaukriFixture({ count: 5, filterByQuery: false })
  const { opts } = fastRunOptions()
  await runSources([sourceRow('naukri', server.url)], [{ role: 'product manager' }], opts)
  expect(server.requests[0]?.query.urlType).toBe('search_by_keyword')
  expect(server.requests[0]?.query.location).toBeUndefined()
})

test('maxPagesPerQuery in the source config bounds the pages', async () => {
  server = startNaukriFixture({ count: 100, filterByQuery: false })
  const { opts } = fastRunOptions()
  const result = await runSources([sourceRow('naukri', server.url, { maxPagesPerQuery: 2 })], [{ role: 'x' }], opts)
  expect(server.requests).toHaveLength(2)
  expect(result.perSource.naukri?.count).toBe(40)
})

test('footer ages read as dates when createdDate is missing', () => {
  expect(parseNaukriAge('Just Now', TEST_NOW)).toEqual(TEST_NOW)
  expect(parseNaukriAge('Today', TEST_NOW)).toEqual(TEST_NOW)
  expect(parseNaukriAge('3 Days Ago', TEST_NOW)).toEqual(new Date('2025-01-12T06:00:00Z'))
  expect(parseNaukriAge('30+ Days Ago', TEST_NOW)).toEqual(new Date('2024-12-16T06:00:00Z'))
  expect(parseNaukriAge('Few weeks', TEST_NOW)).toBeNull()
})
