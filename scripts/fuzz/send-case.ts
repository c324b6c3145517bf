import type { FuzzCase, ServerName } from './fuzz-case.ts'
import { rawRequest } from './raw-http.ts'

export interface Answer {
  status: number
  contentType: string
  body: string
}

const TIMEOUT_MS = 15_000

/** Sends one case to its server on 127.0.0.1 and reads the whole answer. */
export async function sendCase(c: FuzzCase, ports: Record<ServerName, number>): Promise<Answer> {
  const port = ports[c.server]
  if (c.raw) {
    const answer = await rawRequest(port, typeof c.body === 'string' ? new TextEncoder().encode(c.body) : (c.body ?? new Uint8Array()), TIMEOUT_MS)
    return { status: answer.status, contentType: answer.headers['content-type'] ?? '', body: answer.body }
  }
  const res = await fetch(`http://127.0.0.1:${port}${c.path}`, {
    method: c.method,
    headers: c.headers,
    body: c.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() }
}

/**
 * The answer a refused input must get: a 4xx whose JSON body says what went wrong and which
 * request it was (`error`, `message`, `request_id`). Returns the broken rule, or null.
 */
export function checkRefusal(answer: Answer): string | null {
  if (answer.status >= 500) return `server error ${answer.status}`
  if (answer.status < 400) return `accepted with ${answer.status}`
  if (!answer.contentType.includes('application/json')) return `${answer.status} without a JSON content type (${answer.contentType || 'none'})`
  let body: unknown
  try {
    body = JSON.parse(answer.body)
  } catch {
    return `${answer.status} with a body that is not JSON`
  }
  const fields = body as Record<string, unknown> | null
  for (const key of ['error', 'message', 'request_id']) {
    if (typeof fields?.[key] !== 'string') return `${answer.status} JSON body without a string "${key}"`
  }
  return null
}
