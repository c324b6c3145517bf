/**
 * The contract between the scrape agent (DB, scrape_runs, chaining) and the
 * source adapters (pure networking). Adapters never touch the database.
 */

export const SOURCE_KINDS = ['naukri', 'indeed', 'linkedin', 'greenhouse', 'lever', 'ashby'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

/** One search to run against every source: a role, optionally narrowed to a city. */
export interface SearchQuery {
  role: string
  city?: string
}

/** A posting as found on a source, ready to be upserted into `jobs` by (source, external_id). */
export interface ScrapedJob {
  /** the platform (source kind), so the same posting reached through two job_sources rows is one row */
  source: SourceKind
  external_id: string
  url: string
  title: string
  company: string
  location_text: string | null
  /** the description as the source gives it: HTML for most, text where only text exists */
  raw_jd: string
  posted_at: Date | null
  salary_text?: string
  experience_text?: string
  skills?: string[]
}

/** pino-compatible subset, so callers can pass a pino child logger. */
export interface Logger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

/** The body of a successful (2xx) response, read inside the request's timeout. */
export interface FetchedPage {
  url: string
  status: number
  headers: Headers
  body: string
}

/** What an adapter gets from the run: networking with the run's policies already applied. */
export interface FetchContext {
  /** one HTTP request with timeout and retries (429/5xx/network); throws on failure */
  request(url: string | URL, init?: RequestInit): Promise<FetchedPage>
  /** waits the human-like gap before the next request to a platform; returns at once before the first */
  pace(): Promise<void>
  /** records a problem that skips part of a search (one board, one posting) without ending it */
  reportError(message: string): void
  now(): Date
  logger?: Logger
}

export interface JobSourceAdapter {
  kind: SourceKind
  /** platforms that ban fast clients get randomized gaps between requests */
  paced: boolean
  /** yields one page of jobs at a time; throwing ends this search, pages already yielded are kept */
  search(query: SearchQuery, ctx: FetchContext): AsyncIterable<ScrapedJob[]>
}
