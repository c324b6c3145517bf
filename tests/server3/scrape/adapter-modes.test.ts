import { afterEach, describe, expect, test } from 'bun:test'
import { runSources } from '../../../server3/agents/scrape/run-sources.ts'
import type { SourceKind } from '../../../server3/agents/scrape/types.ts'
import {
  type FixtureMode,
  type FixtureServer,
  generateFixtureJobs,
  startAshbyFixture,
  startGreenhouseFixture,
  startIndeedFixture,
  startLeverFixture,
  startLinkedinFixture,
  startNaukriFixture,
} from '../../../scripts/fixtures/job-boards/index.ts'
import { fastRunOptions, sourceRow } from './run-options.ts'

/** Every generated job matches the query, so counts are exact. */
const QUERY = { role: 'data analyst', city: 'bengaluru' }
const jobsOf = (count: number) => generateFixtureJobs({ count, roles: ['Data Analyst'], cities: ['Bengaluru'] })

interface Spec {
  kind: SourceKind
  start(mode: FixtureMode): FixtureServer
  config: unknown
  /** jobs and result pages a full ok run yields */
  jobs: number
  pages: number
  /** HTTP requests of a full ok run */
  requests: number
}

const specs: Spec[] = [
  { kind: 'naukri', start: (mode) => startNaukriFixture({ mode, jobs: jobsOf(45) }), config: {}, jobs: 45, pages: 3, requests: 3 },
  { kind: 'indeed', start: (mode) => startIndeedFixture({ mode, jobs: jobsOf(60) }), config: {}, jobs: 60, pages: 3, requests: 3 },
  // 3 search pages (10 + 10 + 5 cards) and one description request per card
  { kind: 'linkedin', start: (mode) => startLinkedinFixture({ mode, jobs: jobsOf(25) }), config: {}, jobs: 25, pages: 3, requests: 3 + 25 + 1 },
  { kind: 'greenhouse', start: (mode) => startGreenhouseFixture({ mode, boards: { acme: jobsOf(30), zenith: jobsOf(5) } }), config: { boards: ['acme', 'zenith'] }, jobs: 35, pages: 2, requests: 2 },
  // Lever pages by 100: 230 postings are three requests
  { kind: 'lever', start: (mode) => startLeverFixture({ mode, boards: { acme: jobsOf(230) } }), config: { boards: ['acme'] }, jobs: 230, pages: 1, requests: 3 },
  { kind: 'ashby', start: (mode) => startAshbyFixture({ mode, boards: { acme: jobsOf(12), zenith: jobsOf(3) } }), config: { boards: ['acme', 'zenith'] }, jobs: 15, pages: 2, requests: 2 },
]

let server: FixtureServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

async function run(spec: Spec, mode: FixtureMode) {
  server = spec.start(mode)
  const { opts, sleeps } = fastRunOptions()
  const result = await runSources([sourceRow(spec.kind, server.url, spec.config)], [QUERY], opts)
  const stats = result.perSource[spec.kind]
  if (!stats) throw new Error('no stats for the source')
  return { result, stats, sleeps, requests: server.requests }
}

for (const spec of specs) {
  describe(`${spec.kind} adapter against its fixture`, () => {
    test('ok: follows pagination to the last page', async () => {
      const { result, stats, requests } = await run(spec, 'ok')
      expect(stats.errors).toEqual([])
      expect(stats.count).toBe(spec.jobs)
      expect(stats.pages).toBe(spec.pages)
      expect(requests.length).toBe(spec.requests)
      expect(new Set(result.jobs.map((job) => job.external_id)).size).toBe(result.jobs.length)
      for (const job of result.jobs) {
        expect(job.source).toBe(spec.kind)
        expect(job.title.toLowerCase()).toContain('data analyst')
        expect(job.raw_jd).toContain('Bengaluru')
      }
    })

    test('429 then success: waits Retry-After and loses nothing', async () => {
      const { stats, sleeps, requests } = await run(spec, 'rate-limit-once')
      expect(stats.errors).toEqual([])
      expect(stats.count).toBe(spec.jobs)
      expect(requests.length).toBe(spec.requests + 1)
      expect(sleeps).toContain(1000)
    })

    test('500 forever: the source records the failure after its retries', async () => {
      const { result, stats, requests } = await run(spec, 'server-error')
      expect(result.jobs).toEqual([])
      expect(stats.count).toBe(0)
      expect(stats.errors.length).toBeGreaterThan(0)
      expect(stats.errors[0]).toContain('HTTP 500')
      expect(stats.errors[0]).toContain('after 3 attempts')
      expect(stats.errors[0]).toContain('data analyst')
      expect(requests.length % 3).toBe(0)
    })

    test('malformed body: a clear error naming the problem', async () => {
      const { stats } = await run(spec, 'malformed')
      expect(stats.count).toBe(0)
      expect(stats.errors.length).toBeGreaterThan(0)
      expect(stats.errors[0]).toMatch(spec.kind === 'linkedin' ? /no job cards/ : /malformed response .*invalid JSON/)
    })

    test('empty result: no jobs and no errors', async () => {
      const { result, stats } = await run(spec, 'empty')
      expect(result.jobs).toEqual([])
      expect(stats.errors).toEqual([])
    })
  })
}
