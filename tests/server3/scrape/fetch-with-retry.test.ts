import { expect, test } from 'bun:test'
import { type RetryDeps, type RetryPolicy, backoffDelayMs, fetchWithRetry, parseRetryAfterMs } from '../../../server3/agents/scrape/fetch-with-retry.ts'
import { HttpStatusError } from '../../../server3/agents/scrape/source-errors.ts'
import { TEST_NOW } from './run-options.ts'

const POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, timeoutMs: 50, maxRetryAfterMs: 10_000 }

/** A fetch that answers from a script, one entry per call. */
function scripted(answers: Array<Response | Error | 'hang'>): { fetch: typeof fetch; calls: () => number } {
  let calls = 0
  const fake = (async (_input: string | URL | Request, init?: RequestInit) => {
    const answer = answers[calls++] ?? answers.at(-1)
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))
    }
    if (answer instanceof Error) throw answer
    if (!answer) throw new Error('script exhausted')
    return answer.clone()
  }) as typeof fetch
  return { fetch: fake, calls: () => calls }
}

function deps(fake: typeof fetch, sleeps: number[], extra: Partial<RetryDeps> = {}): RetryDeps {
  return {
    fetch: fake,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0.5,
    now: () => TEST_NOW,
    ...extra,
  }
}

test('Retry-After is read as seconds or as an HTTP date', () => {
  expect(parseRetryAfterMs('3', TEST_NOW)).toBe(3000)
  expect(parseRetryAfterMs(new Date(TEST_NOW.getTime() + 7000).toUTCString(), TEST_NOW)).toBe(7000)
  expect(parseRetryAfterMs('soon', TEST_NOW)).toBeNull()
  expect(parseRetryAfterMs(null, TEST_NOW)).toBeNull()
})

test('backoff doubles per retry up to the cap, jittered below it', () => {
  expect([0, 1, 2, 3, 4].map((i) => backoffDelayMs(i, POLICY, () => 0.999))).toEqual([100, 200, 400, 799, 999])
  expect(backoffDelayMs(2, POLICY, () => 0)).toBe(0)
  expect(backoffDelayMs(2, POLICY, () => 0.5)).toBe(200)
})

test('429 waits the Retry-After, 5xx backs off, then the 2xx body is returned', async () => {
  const sleeps: number[] = []
  const { fetch, calls } = scripted([
    new Response('slow down', { status: 429, headers: { 'retry-after': '2' } }),
    new Response('oops', { status: 503 }),
    new Response('{"ok":true}', { status: 200 }),
  ])
  const page = await fetchWithRetry('http://source.test/a', undefined, POLICY, deps(fetch, sleeps))
  expect(page).toMatchObject({ status: 200, body: '{"ok":true}', url: 'http://source.test/a' })
  expect(calls()).toBe(3)
  expect(sleeps).toEqual([2000, 100])
})

test('network errors are retried', async () => {
  const sleeps: number[] = []
  const { fetch, calls } = scripted([new TypeError('fetch failed: ECONNRESET'), new Response('ok')])
  expect((await fetchWithRetry('http://source.test/b', undefined, POLICY, deps(fetch, sleeps))).body).toBe('ok')
  expect(calls()).toBe(2)
})

test('exhausted retries fail with the method, URL, attempts and last failure', async () => {
  const sleeps: number[] = []
  const { fetch, calls } = scripted([new Response('down', { status: 500 })])
  const failure = fetchWithRetry('http://source.test/c', { method: 'POST' }, POLICY, deps(fetch, sleeps))
  await expect(failure).rejects.toThrow('POST http://source.test/c failed after 4 attempts (last: HTTP 500)')
  expect(calls()).toBe(4)
  expect(sleeps).toEqual([50, 100, 200])
})

test('other 4xx answers are final: no retry', async () => {
  const { fetch, calls } = scripted([new Response('no such board', { status: 404 })])
  const error = await fetchWithRetry('http://source.test/d', undefined, POLICY, deps(fetch, [])).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(HttpStatusError)
  expect((error as HttpStatusError).status).toBe(404)
  expect((error as Error).message).toBe('HTTP 404 from GET http://source.test/d: no such board')
  expect(calls()).toBe(1)
})

test('a Retry-After longer than the run will wait fails at once instead of stalling the run', async () => {
  const { fetch, calls } = scripted([new Response('', { status: 429, headers: { 'retry-after': '3600' } })])
  await expect(fetchWithRetry('http://source.test/e', undefined, POLICY, deps(fetch, []))).rejects.toThrow('Retry-After 3600s exceeds the 10s this run waits')
  expect(calls()).toBe(1)
})

test('each attempt times out on its own and the timeout is retried', async () => {
  const { fetch, calls } = scripted(['hang', 'hang', new Response('late but fine')])
  const page = await fetchWithRetry('http://source.test/f', undefined, POLICY, deps(fetch, []))
  expect(page.body).toBe('late but fine')
  expect(calls()).toBe(3)
})

test('a hanging source ends with a timeout error', async () => {
  const { fetch } = scripted(['hang'])
  await expect(fetchWithRetry('http://source.test/g', undefined, { ...POLICY, attempts: 2 }, deps(fetch, []))).rejects.toThrow(
    'failed after 2 attempts (last: timed out after 50ms)',
  )
})

test('aborting the run stops at once, without retrying', async () => {
  const controller = new AbortController()
  const { fetch, calls } = scripted(['hang'])
  const pending = fetchWithRetry('http://source.test/h', undefined, { ...POLICY, timeoutMs: 60_000 }, deps(fetch, [], { signal: controller.signal }))
  controller.abort(new Error('run cancelled'))
  await expect(pending).rejects.toThrow('run cancelled')
  expect(calls()).toBe(1)
})
