import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'x-talvix-signature'
export const TIMESTAMP_HEADER = 'x-talvix-timestamp'
export const MAX_SKEW_MS = 5 * 60 * 1000

/** Method and path are signed too, so a captured body cannot be replayed against another endpoint. */
function signingInput(timestamp: string, method: string, path: string, body: string) {
  return `${timestamp}.${method.toUpperCase()}.${path}.${body}`
}

export function signInternalRequest(secret: string, method: string, path: string, body: string, now = Date.now()) {
  const timestamp = String(now)
  const signature = createHmac('sha256', secret).update(signingInput(timestamp, method, path, body)).digest('hex')
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature }
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string }

export function verifyInternalRequest(
  secret: string,
  request: { method: string; path: string; body: string; timestamp: string | null; signature: string | null },
  now = Date.now(),
): SignatureCheck {
  if (!request.timestamp || !request.signature) return { ok: false, reason: 'missing internal signature' }
  const sentAt = Number(request.timestamp)
  if (!Number.isSafeInteger(sentAt)) return { ok: false, reason: 'malformed signature timestamp' }
  if (Math.abs(now - sentAt) > MAX_SKEW_MS) return { ok: false, reason: 'stale internal signature' }
  const expected = createHmac('sha256', secret)
    .update(signingInput(request.timestamp, request.method, request.path, request.body))
    .digest()
  const given = Buffer.from(request.signature, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'invalid internal signature' }
  }
  return { ok: true }
}
