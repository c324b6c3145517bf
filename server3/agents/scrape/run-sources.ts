import { type JobSourceRow, configuredMaxJobs, createAdapter } from './create-adapter.ts'
import { DEFAULT_RETRY_POLICY, type RetryPolicy, fetchWithRetry } from './fetch-with-retry.ts'
import { DEFAULT_PACING, type PacingPolicy, createPacer } from './pace.ts'
import { errorMessage } from './source-errors.ts'
import type { FetchContext, JobSourceAdapter, Logger, ScrapedJob, SearchQuery, SourceKind } from './types.ts'

export interface RunSourcesOptions {
  /** per source per run, unless the row's config sets maxJobs */
  maxJobsPerSource?: number
  /** a source whose searches fail this many times in a row is given up for the run (it is down or blocking us) */
  maxConsecutiveFailures?: number
  retry?: Partial<RetryPolicy>
  pacing?: PacingPolicy
  logger?: Logger
  signal?: AbortSignal
  /** injectable so tests run without real waits or randomness */
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  now?: () => Date
  /** builds the adapter for a row; tests swap in their own */
  createAdapter?: (row: JobSourceRow) => JobSourceAdapter
}

export interface SourceRunStats {
  kind: SourceKind
  /** jobs this source contributed to the result (after deduplication and the cap) */
  count: number
  pages: number
  errors: string[]
}

export interface RunSourcesResult {
  jobs: ScrapedJob[]
  /** keyed by job_sources.id */
  perSource: Record<string, SourceRunStats>
}

export const DEFAULT_MAX_JOBS_PER_SOURCE = 300

const noWait = async () => {}

function describeQuery(query: SearchQuery): string {
  return query.city ? `"${query.role}" in ${query.city}` : `"${query.role}"`
}

function jobKey(job: ScrapedJob): string {
  return `${job.source}:${job.external_id}`
}

/**
 * Runs every enabled source over every query, sources in parallel (they are
 * different hosts), queries of one source one after another (paced). A source
 * that fails records its errors and keeps the jobs it already found; it never
 * fails the run. No database here: the scrape agent stores the result.
 */
export async function runSources(sources: JobSourceRow[], queries: SearchQuery[], opts: RunSourcesOptions = {}): Promise<RunSourcesResult> {
  const sleep = opts.sleep ?? ((ms: number) => Bun.sleep(ms))
  const random = opts.random ?? Math.random
  const now = opts.now ?? (() => new Date())
  const retry = { ...DEFAULT_RETRY_POLICY, ...opts.retry }
  const maxFailures = opts.maxConsecutiveFailures ?? 2
  const build = opts.createAdapter ?? createAdapter
  const enabled = sources.filter((source) => source.enabled)

  async function runOne(row: JobSourceRow): Promise<{ stats: SourceRunStats; jobs: ScrapedJob[] }> {
    const stats: SourceRunStats = { kind: row.kind, count: 0, pages: 0, errors: [] }
    const jobs = new Map<string, ScrapedJob>()
    const log = opts.logger
    let adapter: JobSourceAdapter
    try {
      adapter = build(row)
    } catch (error) {
      stats.errors.push(errorMessage(error))
      log?.error({ source: row.id, err: errorMessage(error) }, 'scrape source misconfigured')
      return { stats, jobs: [] }
    }
    const cap = configuredMaxJobs(row) ?? opts.maxJobsPerSource ?? DEFAULT_MAX_JOBS_PER_SOURCE
    let currentQuery = ''
    const ctx: FetchContext = {
      request: (url, init) => fetchWithRetry(url, init, retry, { fetch: opts.fetch ?? fetch, sleep, random, now, logger: log, signal: opts.signal }),
      pace: adapter.paced ? createPacer(opts.pacing ?? DEFAULT_PACING, { sleep, random }) : noWait,
      reportError: (message) => {
        stats.errors.push(`${currentQuery}: ${message}`)
        log?.warn({ source: row.id, query: currentQuery, err: message }, 'scrape source skipped part of a search')
      },
      now,
      logger: log,
    }
    let consecutiveFailures = 0
    for (const [index, query] of queries.entries()) {
      if (jobs.size >= cap) break
      if (consecutiveFailures >= maxFailures) {
        stats.errors.push(`gave up after ${consecutiveFailures} failed searches in a row; ${queries.length - index} searches skipped`)
        break
      }
      currentQuery = describeQuery(query)
      try {
        for await (const page of adapter.search(query, ctx)) {
          stats.pages++
          for (const job of page) {
            if (jobs.size >= cap) break
            if (!jobs.has(jobKey(job))) jobs.set(jobKey(job), job)
          }
          log?.info({ source: row.id, query: currentQuery, page: stats.pages, found: page.length, total: jobs.size }, 'scrape page')
          if (jobs.size >= cap) break
        }
        consecutiveFailures = 0
      } catch (error) {
        opts.signal?.throwIfAborted()
        consecutiveFailures++
        stats.errors.push(`${currentQuery}: ${errorMessage(error)}`)
        log?.error({ source: row.id, query: currentQuery, err: errorMessage(error) }, 'scrape search failed')
      }
    }
    return { stats, jobs: [...jobs.values()] }
  }

  const outcomes = await Promise.all(enabled.map(runOne))
  // Merged in source order so the result is the same whichever source finished first.
  const seen = new Set<string>()
  const result: RunSourcesResult = { jobs: [], perSource: {} }
  enabled.forEach((row, index) => {
    const outcome = outcomes[index]
    if (!outcome) return
    for (const job of outcome.jobs) {
      if (seen.has(jobKey(job))) continue
      seen.add(jobKey(job))
      result.jobs.push(job)
      outcome.stats.count++
    }
    result.perSource[row.id] = outcome.stats
  })
  return result
}
