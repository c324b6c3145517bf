import { afterEach, expect, test } from 'bun:test'
import { runSources } from '../../../server3/agents/scrape/run-sources.ts'
import { ashbyJob } from '../../../scripts/fixtures/job-boards/ashby-fixture.ts'
import { type FixtureServer, generateFixtureJobs, startAshbyFixture } from '../../../scripts/fixtures/job-boards/index.ts'
import { fastRunOptions, sourceRow } from './run-options.ts'

let server: FixtureServer | undefined
let stopExtra: (() => void) | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
  stopExtra?.()
  stopExtra = undefined
})

test('maps board jobs: descriptionHtml, jobUrl, publishedAt, compensation summary, remote flag', async () => {
  const jobs = generateFixtureJobs({ count: 6, roles: ['Product Manager'], cities: ['Mumbai'] })
  server = startAshbyFixture({ boards: { kite: jobs } })
  const { opts } = fastRunOptions()
  const result = await runSources([sourceRow('ashby', server.url, { boards: [{ board: 'kite', company: 'Kite' }] })], [{ role: 'product manager', city: 'bombay' }], opts)
  expect(server.requests[0]?.query.includeCompensation).toBe('true')
  expect(result.jobs).toHaveLength(6)
  result.jobs.forEach((scraped, i) => {
    const job = jobs[i]
    if (!job) throw new Error('missing fixture job')
    expect(scraped.url).toBe(`${server?.url}/kite/${scraped.external_id}`)
    expect(scraped.company).toBe('Kite')
    expect(scraped.location_text).toBe(job.workMode === 'remote' ? 'Mumbai (Remote)' : 'Mumbai')
    expect(scraped.raw_jd).toBe(job.descriptionHtml)
    expect(scraped.posted_at).toEqual(job.postedAt)
    expect(scraped.salary_text).toBe(job.salaryLakhs ? `₹${job.salaryLakhs.min}L – ₹${job.salaryLakhs.max}L` : undefined)
  })
})

test('unlisted postings are left out', async () => {
  const [listed, unlisted] = generateFixtureJobs({ count: 2, roles: ['Data Analyst'], cities: ['Pune'] })
  if (!listed || !unlisted) throw new Error('missing fixture jobs')
  const board = Bun.serve({
    port: 0,
    fetch: (req) =>
      Response.json({
        apiVersion: '1',
        jobs: [ashbyJob(listed, 'kite', 's', new URL(req.url).origin, true), { ...ashbyJob(unlisted, 'kite', 's', new URL(req.url).origin, true), isListed: false }],
      }),
  })
  stopExtra = () => board.stop(true)
  const { opts } = fastRunOptions()
  const result = await runSources([sourceRow('ashby', `http://127.0.0.1:${board.port}`, { boards: ['kite'] })], [{ role: 'data analyst' }], opts)
  expect(result.jobs).toHaveLength(1)
})
