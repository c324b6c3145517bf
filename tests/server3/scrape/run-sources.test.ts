import { afterEach, expect, test } from 'bun:test'
import { runSources } from '../../../server3/agents/scrape/run-sources.ts'
import { type FixtureServer, generateFixtureJobs, startGreenhouseFixture, startLinkedinFixture, startNaukriFixture } from '../../../scripts/fixtures/job-boards/index.ts'
import { fastRunOptions, sourceRow } from './run-options.ts'

const servers: FixtureServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()))
})
function started(server: FixtureServer): FixtureServer {
  servers.push(server)
  return server
}

const analysts = (count: number, seed?: string) => generateFixtureJobs({ count, roles: ['Data Analyst'], cities: ['Bengaluru'], seed })
const QUERY = { role: 'data analyst', city: 'bengaluru' }

test('one failing source never fails the run: the others still deliver', async () => {
  const naukri = started(startNaukriFixture({ mode: 'server-error' }))
  const greenhouse = started(startGreenhouseFixture({ boards: { acme: analysts(7) } }))
  const linkedin = started(startLinkedinFixture({ mode: 'malformed' }))
  const { opts } = fastRunOptions()
  const result = await runSources(
    [sourceRow('naukri', naukri.url), sourceRow('greenhouse', greenhouse.url, { boards: ['acme'] }), sourceRow('linkedin', linkedin.url)],
    [QUERY],
    opts,
  )
  expect(result.jobs).toHaveLength(7)
  expect(result.perSource).toEqual({
    naukri: { kind: 'naukri', count: 0, pages: 0, errors: [expect.stringContaining('HTTP 500')] },
    greenhouse: { kind: 'greenhouse', count: 7, pages: 1, errors: [] },
    linkedin: { kind: 'linkedin', count: 0, pages: 0, errors: [expect.stringContaining('no job cards')] },
  })
})

test('a source failing mid-search keeps the pages it already fetched', async () => {
  const naukri = started(startNaukriFixture({ jobs: analysts(45) }))
  let calls = 0
  const { opts } = fastRunOptions({
    fetch: (async (input: string | URL | Request, init?: RequestInit) => (++calls > 1 ? new Response('down', { status: 502 }) : fetch(input, init))) as typeof fetch,
  })
  const result = await runSources([sourceRow('naukri', naukri.url)], [QUERY], opts)
  expect(result.jobs).toHaveLength(20)
  expect(result.perSource.naukri).toMatchObject({ count: 20, pages: 1, errors: [expect.stringContaining('HTTP 502')] })
})

test('the per-source cap trims the result and stops paging', async () => {
  const naukri = started(startNaukriFixture({ jobs: analysts(45) }))
  const { opts } = fastRunOptions({ maxJobsPerSource: 25 })
  const result = await runSources([sourceRow('naukri', naukri.url)], [QUERY, { role: 'analyst', city: 'bengaluru' }], opts)
  expect(result.jobs).toHaveLength(25)
  expect(naukri.requests).toHaveLength(2)
})

test('a maxJobs in the source config overrides the run cap', async () => {
  const naukri = started(startNaukriFixture({ jobs: analysts(45) }))
  const { opts } = fastRunOptions({ maxJobsPerSource: 100 })
  const result = await runSources([sourceRow('naukri', naukri.url, { maxJobs: 5 })], [QUERY], opts)
  expect(result.perSource.naukri?.count).toBe(5)
  expect(naukri.requests).toHaveLength(1)
})

test('overlapping searches and same-platform sources are deduplicated by (source, external_id)', async () => {
  const board = started(startGreenhouseFixture({ boards: { acme: analysts(6) } }))
  const { opts } = fastRunOptions()
  const result = await runSources(
    [sourceRow('greenhouse', board.url, { boards: ['acme'] }, 'gh-india'), sourceRow('greenhouse', board.url, { boards: ['acme'] }, 'gh-global')],
    [QUERY, { role: 'analyst' }],
    opts,
  )
  expect(result.jobs).toHaveLength(6)
  expect(result.perSource['gh-india']?.count).toBe(6)
  expect(result.perSource['gh-global']?.count).toBe(0)
})

test('a source failing search after search is given up for the run', async () => {
  const naukri = started(startNaukriFixture({ mode: 'server-error' }))
  const { opts } = fastRunOptions()
  const result = await runSources([sourceRow('naukri', naukri.url)], [QUERY, { role: 'sre' }, { role: 'qa' }, { role: 'pm' }], opts)
  // two searches of 3 attempts each, then nothing more
  expect(naukri.requests).toHaveLength(6)
  expect(result.perSource.naukri?.errors).toHaveLength(3)
  expect(result.perSource.naukri?.errors[2]).toBe('gave up after 2 failed searches in a row; 2 searches skipped')
})

test('a misconfigured source is reported by its config path; disabled sources are not run', async () => {
  const board = started(startGreenhouseFixture({ boards: { acme: analysts(3) } }))
  const { opts } = fastRunOptions()
  const result = await runSources(
    [
      sourceRow('greenhouse', board.url, { board: 'acme' }, 'gh-typo'),
      { ...sourceRow('greenhouse', board.url, { boards: ['acme'] }, 'gh-off'), enabled: false },
      sourceRow('lever', board.url, { boards: [] }, 'lever-empty'),
    ],
    [QUERY],
    opts,
  )
  expect(result.perSource['gh-typo']?.errors).toEqual(['job_sources gh-typo: config /boards: Expected required property'])
  expect(result.perSource['lever-empty']?.errors[0]).toStartWith('job_sources lever-empty: config /boards:')
  expect(result.perSource['gh-off']).toBeUndefined()
  expect(board.requests).toHaveLength(0)
})

test('platforms are paced across searches too; company boards are not', async () => {
  const naukri = started(startNaukriFixture({ jobs: analysts(5) }))
  const board = started(startGreenhouseFixture({ boards: { acme: analysts(5, 'other') } }))
  const { opts, sleeps } = fastRunOptions({ pacing: { minMs: 3000, maxMs: 7000 } })
  await runSources([sourceRow('naukri', naukri.url), sourceRow('greenhouse', board.url, { boards: ['acme'] })], [QUERY, { role: 'analyst' }, { role: 'data' }], opts)
  expect(naukri.requests).toHaveLength(3)
  expect(board.requests).toHaveLength(1)
  expect(sleeps).toEqual([5000, 5000])
})

test('logs each page and each failure through the given logger', async () => {
  const naukri = started(startNaukriFixture({ jobs: analysts(3) }))
  const broken = started(startNaukriFixture({ mode: 'malformed' }))
  const lines: Array<{ level: string; obj: object; msg?: string }> = []
  const logger = {
    info: (obj: object, msg?: string) => lines.push({ level: 'info', obj, msg }),
    warn: (obj: object, msg?: string) => lines.push({ level: 'warn', obj, msg }),
    error: (obj: object, msg?: string) => lines.push({ level: 'error', obj, msg }),
  }
  const { opts } = fastRunOptions({ logger })
  await runSources([sourceRow('naukri', naukri.url), sourceRow('naukri', broken.url, {}, 'naukri-mirror')], [QUERY], opts)
  expect(lines).toContainEqual({ level: 'info', obj: expect.objectContaining({ source: 'naukri', found: 3 }), msg: 'scrape page' })
  expect(lines).toContainEqual({ level: 'error', obj: expect.objectContaining({ source: 'naukri-mirror' }), msg: 'scrape search failed' })
})
