import { afterEach, expect, test } from 'bun:test'
import { parseLinkedinSearchPage } from '../../../server3/agents/scrape/adapters/linkedin.ts'
import { runSources } from '../../../server3/agents/scrape/run-sources.ts'
import { type FixtureServer, generateFixtureJobs, startLinkedinFixture } from '../../../scripts/fixtures/job-boards/index.ts'
import { fastRunOptions, sourceRow } from './run-options.ts'

let server: FixtureServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const QUERY = { role: 'data analyst', city: 'Bengaluru' }
const jobsOf = (count: number) => generateFixtureJobs({ count, roles: ['Data Analyst'], cities: ['Bengaluru'] })

test('maps guest cards plus the posting page: urn id, clean URL, card fields, description markup', async () => {
  const jobs = jobsOf(4)
  server = startLinkedinFixture({ jobs })
  const { opts } = fastRunOptions()
  const result = await runSources([sourceRow('linkedin', server.url)], [QUERY], opts)
  expect(result.jobs).toHaveLength(4)
  result.jobs.forEach((scraped, i) => {
    const job = jobs[i]
    if (!job) throw new Error('missing fixture job')
    expect(scraped.external_id).toMatch(/^\d{10}$/)
    expect(scraped.url).toBe(`${server?.url}/jobs/view/${scraped.url.split('/jobs/view/')[1]}`)
    expect(scraped.url).toEndWith(`-${scraped.external_id}`)
    expect(scraped.title).toBe(job.title)
    expect(scraped.company).toBe(job.company)
    expect(scraped.location_text).toBe('Bengaluru, India')
    expect(scraped.posted_at).toEqual(new Date(`${job.postedAt.toISOString().slice(0, 10)}T00:00:00Z`))
    expect(scraped.raw_jd).toBe(job.descriptionHtml)
    expect(scraped.experience_text).toMatch(/level|Associate/)
    if (job.salaryLakhs) expect(scraped.salary_text).toContain(`₹${job.salaryLakhs.min},00,000.00`)
  })
  const search = server.requests[0]
  expect(search?.path).toBe('/jobs-guest/jobs/api/seeMoreJobPostings/search')
  expect(search?.query).toEqual({ keywords: 'data analyst', location: 'Bengaluru', start: '0' })
})

test('every request to the guest API after the first waits 3–7 s', async () => {
  server = startLinkedinFixture({ jobs: jobsOf(12) })
  const { opts, sleeps } = fastRunOptions()
  await runSources([sourceRow('linkedin', server.url)], [QUERY], opts)
  // 2 search pages with cards + 12 descriptions + the empty last page
  expect(server.requests).toHaveLength(15)
  expect(sleeps).toEqual(Array(14).fill(5000))
  expect(server.requests.map((r) => r.query.start).filter(Boolean)).toEqual(['0', '10', '12'])
})

test('a posting whose description fails is skipped and reported; the rest are kept', async () => {
  server = startLinkedinFixture({ jobs: jobsOf(5) })
  const url = server.url
  let descriptions = 0
  const { opts } = fastRunOptions({
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).includes('/jobPosting/') && ++descriptions === 2) return new Response('gone', { status: 404 })
      return fetch(input, init)
    }) as typeof fetch,
  })
  const result = await runSources([sourceRow('linkedin', url)], [QUERY], opts)
  expect(result.jobs).toHaveLength(4)
  expect(result.perSource.linkedin?.errors).toHaveLength(1)
  expect(result.perSource.linkedin?.errors[0]).toMatch(/description skipped: HTTP 404/)
})

test('descriptions failing in a row stop the search but keep the jobs already described', async () => {
  server = startLinkedinFixture({ jobs: jobsOf(10) })
  let descriptions = 0
  const { opts } = fastRunOptions({
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).includes('/jobPosting/') && ++descriptions > 2) return new Response('', { status: 403 })
      return fetch(input, init)
    }) as typeof fetch,
  })
  const result = await runSources([sourceRow('linkedin', server.url)], [QUERY], opts)
  expect(result.jobs).toHaveLength(2)
  expect(result.perSource.linkedin?.errors.at(-1)).toContain('3 job descriptions in a row failed')
})

test('parses the card variant where the urn sits on the link itself', () => {
  const body = `<li><a class="base-card base-card--link base-search-card job-search-card" href="https://in.linkedin.com/jobs/view/analyst-at-acme-3995343936?position=1&amp;trk=x" data-entity-urn="urn:li:jobPosting:3995343936">
    <div class="base-search-card__info"><h3 class="base-search-card__title">Data Analyst</h3>
    <h4 class="base-search-card__subtitle">Acme</h4>
    <div class="base-search-card__metadata"><span class="job-search-card__location">Pune, Maharashtra, India</span>
    <time class="job-search-card__listdate--new" datetime="2025-01-14">1 day ago</time></div></div></a></li>`
  const [card] = parseLinkedinSearchPage({ url: 'x', status: 200, headers: new Headers(), body }, 'https://www.linkedin.com')
  expect(card).toMatchObject({
    external_id: '3995343936',
    url: 'https://in.linkedin.com/jobs/view/analyst-at-acme-3995343936',
    title: 'Data Analyst',
    company: 'Acme',
    location_text: 'Pune, Maharashtra, India',
    posted_at: new Date('2025-01-14T00:00:00Z'),
  })
})
