import { describe, expect, test } from 'bun:test'
import { createHmac, randomBytes } from 'node:crypto'
import Razorpay from 'razorpay'
import { verifyRazorpaySignature } from '../../server1/payments/verify-razorpay-signature.ts'

const secret = 'whsec_current_' + randomBytes(8).toString('hex')
const previous = 'whsec_previous_' + randomBytes(8).toString('hex')

/** How Razorpay signs: hex HMAC-SHA256 of the raw body with the webhook secret. */
const sign = (body: string, key: string) => createHmac('sha256', key).update(body).digest('hex')

function randomBody(): string {
  const notes = Math.random() < 0.5 ? [] : { plan: 'pro', user_id: crypto.randomUUID(), emoji: '💳 ₹499' }
  const body = JSON.stringify({
    event: 'payment.captured',
    payload: { payment: { entity: { id: `pay_${randomBytes(7).toString('hex')}`, amount: 49900, notes } } },
    created_at: Math.floor(Date.now() / 1000),
  })
  // Razorpay's exact bytes, including whitespace, are what is signed.
  return Math.random() < 0.5 ? body : body.replaceAll(',', ', ')
}

describe('verifyRazorpaySignature agrees with the SDK', () => {
  test('on 300 random bodies, for genuine and tampered signatures', () => {
    for (let round = 0; round < 300; round++) {
      const body = randomBody()
      const genuine = sign(body, secret)
      const candidates = [
        genuine,
        sign(body, 'wrong-secret'),
        sign(body + ' ', secret),
        genuine.slice(0, -1) + (genuine.endsWith('0') ? '1' : '0'),
        randomBytes(32).toString('hex'),
      ]
      for (const signature of candidates) {
        const reference = Razorpay.validateWebhookSignature(body, signature, secret)
        expect(verifyRazorpaySignature(body, signature, [secret])).toBe(reference)
      }
      expect(verifyRazorpaySignature(body, genuine, [secret])).toBe(true)
    }
  })

  test('accepts the raw body as bytes exactly as received', () => {
    const body = randomBody()
    expect(verifyRazorpaySignature(new TextEncoder().encode(body), sign(body, secret), [secret])).toBe(true)
  })

  test('a re-serialised body no longer matches (the route must keep the raw body)', () => {
    const body = '{"event": "payment.captured", "created_at": 1}'
    const signature = sign(body, secret)
    const reserialised = JSON.stringify(JSON.parse(body))
    expect(Razorpay.validateWebhookSignature(reserialised, signature, secret)).toBe(false)
    expect(verifyRazorpaySignature(reserialised, signature, [secret])).toBe(false)
  })
})

describe('verifyRazorpaySignature rejects', () => {
  const body = randomBody()
  const genuine = sign(body, secret)

  const cases: [string, string | null][] = [
    ['a missing header', null],
    ['an empty header', ''],
    ['a truncated signature', genuine.slice(0, 63)],
    ['a signature with an extra character', genuine + '0'],
    ['a signature with whitespace', ` ${genuine}`],
    ['non-hex characters of the right length', 'z'.repeat(64)],
    ['a base64 signature', Buffer.from(genuine, 'hex').toString('base64')],
    ['a SHA-1 HMAC', createHmac('sha1', secret).update(body).digest('hex')],
    // Razorpay sends lowercase hex and the SDK compares with ===, so uppercase is refused too.
    ['uppercase hex', genuine.toUpperCase()],
  ]
  for (const [name, header] of cases) {
    test(name, () => expect(verifyRazorpaySignature(body, header, [secret])).toBe(false))
  }

  test('the SDK agrees about uppercase hex', () => {
    expect(Razorpay.validateWebhookSignature(body, genuine.toUpperCase(), secret)).toBe(false)
  })

  test('a body signed with the previous secret once that secret is no longer configured', () => {
    expect(verifyRazorpaySignature(body, sign(body, previous), [secret])).toBe(false)
  })
})

describe('secret rotation', () => {
  test('during rotation both the current and the previous secret are accepted', () => {
    const body = randomBody()
    expect(verifyRazorpaySignature(body, sign(body, secret), [secret, previous])).toBe(true)
    expect(verifyRazorpaySignature(body, sign(body, previous), [secret, previous])).toBe(true)
    expect(verifyRazorpaySignature(body, sign(body, 'third'), [secret, previous])).toBe(false)
  })

  test('refuses to run without a usable secret (an empty HMAC key would accept forgeries)', () => {
    const body = randomBody()
    expect(() => verifyRazorpaySignature(body, sign(body, ''), [])).toThrow(/no usable webhook secret/)
    expect(() => verifyRazorpaySignature(body, sign(body, ''), [''])).toThrow(/no usable webhook secret/)
    expect(() => verifyRazorpaySignature(body, sign(body, ''), [secret, ''])).toThrow(/no usable webhook secret/)
  })
})
