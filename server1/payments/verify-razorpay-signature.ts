import { createHmac, timingSafeEqual } from 'node:crypto'

/** Razorpay sends the signature as lowercase hex of an HMAC-SHA256 (32 bytes). */
const SIGNATURE_PATTERN = /^[0-9a-f]{64}$/

/**
 * Checks `X-Razorpay-Signature` against the raw request body (the exact bytes
 * received: re-serialised JSON would not match). Any configured secret may
 * match, so the previous webhook secret keeps working while Razorpay's
 * dashboard is switched to the new one.
 *
 * Uppercase hex is rejected, as the SDK's `validateWebhookSignature` rejects
 * it; Razorpay only sends lowercase.
 */
export function verifyRazorpaySignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | null,
  secrets: readonly string[],
): boolean {
  // An empty secret would make HMAC keyless and every forged signature computable: fail loudly.
  if (secrets.length === 0 || secrets.some((secret) => secret === '')) {
    throw new Error('verifyRazorpaySignature: no usable webhook secret configured (RAZORPAY_WEBHOOK_SECRET)')
  }
  if (signatureHeader === null || !SIGNATURE_PATTERN.test(signatureHeader)) return false
  const received = Buffer.from(signatureHeader, 'hex')
  let matched = false
  // Every secret is checked (no early exit) so timing does not reveal which one matched.
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest()
    if (expected.length === received.length && timingSafeEqual(expected, received)) matched = true
  }
  return matched
}
