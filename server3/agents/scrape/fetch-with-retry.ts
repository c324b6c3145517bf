import { HttpStatusError, errorMessage } from './source-errors.ts'
import type { FetchedPage, Logger } from './types.ts'

export interface RetryPolicy {
  /** total tries, the first included */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** per attempt, covering headers and body */
  timeoutMs: number
  /** a Retry-After longer than this is not waited out: the source is treated as failed for now */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  timeoutMs: 20_000,
  maxRetryAfterMs: 120_000,
}

export interface RetryDeps {
  fetch: typeof fetch
  sleep(ms: number): Promise<void>
  /** in [0, 1), for jitter */
  random(): number
  now(): Date
  logger?: Logger
  /** aborts the whole run; never retried */
  signal?: AbortSignal
}

/** Retried answers: throttling, timeouts and server faults; other 4xx are the request's fault and final. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | null, now: Date): number | null {
  if (value === null || value.trim() === '') return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime())
}

/** Exponential backoff with full jitter, so many clients retrying at once spread out. */
export function backoffDelayMs(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex)
  return Math.round(random() * ceiling)
}

function describe(init: RequestInit | undefined, url: string): string {
  return `${init?.method ?? 'GET'} ${url}`
}

/**
 * One request with a timeout per attempt and retries on 429/5xx/network errors,
 * honouring Retry-After. Resolves with the body of a 2xx answer; throws otherwise.
 */
export async function fetchWithRetry(
  url: string | URL,
  init: RequestInit | undefined,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<FetchedPage> {
  const target = String(url)
  const label = describe(init, target)
  let lastFailure = ''
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    deps.signal?.throwIfAborted()
    const timeout = AbortSignal.timeout(policy.timeoutMs)
    const signal = deps.signal ? AbortSignal.any([deps.signal, timeout]) : timeout
    let waitMs: number
    try {
      const response = await deps.fetch(target, { ...init, signal })
      const body = await response.text()
      if (response.ok) return { url: target, status: response.status, headers: response.headers, body }
      if (!isRetryableStatus(response.status)) {
        throw new HttpStatusError(response.status, label, body.slice(0, 200))
      }
      lastFailure = `HTTP ${response.status}`
      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), deps.now())
      if (retryAfterMs !== null && retryAfterMs > policy.maxRetryAfterMs) {
        throw new HttpStatusError(
          response.status,
          label,
          `Retry-After ${Math.round(retryAfterMs / 1000)}s exceeds the ${Math.round(policy.maxRetryAfterMs / 1000)}s this run waits`,
        )
      }
      waitMs = retryAfterMs ?? backoffDelayMs(attempt, policy, deps.random)
    } catch (error) {
      if (error instanceof HttpStatusError) throw error
      if (deps.signal?.aborted) throw deps.signal.reason
      lastFailure = timeout.aborted ? `timed out after ${policy.timeoutMs}ms` : `network error: ${errorMessage(error)}`
      waitMs = backoffDelayMs(attempt, policy, deps.random)
    }
    if (attempt + 1 < policy.attempts) {
      deps.logger?.warn({ url: target, attempt: attempt + 1, failure: lastFailure, waitMs }, 'scrape request failed; retrying')
      await deps.sleep(waitMs)
    }
  }
  throw new Error(`${label} failed after ${policy.attempts} attempts (last: ${lastFailure})`)
}
