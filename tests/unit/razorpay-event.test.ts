import { describe, expect, test } from 'bun:test'
import { parseRazorpayEvent, planFromNotes, userIdFromNotes } from '../../server1/payments/razorpay-event.ts'

const userId = '6f1c1c3e-2b1a-4b8e-9a51-0c7c2f0e9d11'

/** Trimmed from Razorpay's documented payment.captured sample, plus fields we ignore. */
function paymentCaptured(notes: unknown) {
  return {
    entity: 'event',
    account_id: 'acc_BFQ7uQEaa7j2z7',
    event: 'payment.captured',
    contains: ['payment'],
    payload: {
      payment: {
        entity: {
          id: 'pay_DESlfW9H8K9uqM',
          entity: 'payment',
          amount: 49900,
          currency: 'INR',
          status: 'captured',
          order_id: 'order_DESlLckIVRkHWj',
          invoice_id: null,
          method: 'upi',
          notes,
          fee: 1178,
          email: 'gaurav.kumar@example.com',
          contact: '+919876543210',
          created_at: 1567674599,
        },
      },
    },
    created_at: 1567674606,
  }
}

const subscriptionCharged = {
  entity: 'event',
  event: 'subscription.charged',
  contains: ['subscription', 'payment'],
  payload: {
    subscription: {
      entity: {
        id: 'sub_F7uzuXy5SP7aBU',
        plan_id: 'plan_F7uzlrE7yxaIZN',
        status: 'active',
        current_start: 1593671400,
        current_end: 1596349800,
        notes: { plan: 'premium', user_id: userId },
        customer_notify: true,
      },
    },
    payment: paymentCaptured([]).payload.payment,
  },
  created_at: 1593671460,
}

const refundProcessed = {
  event: 'refund.processed',
  payload: {
    refund: {
      entity: { id: 'rfnd_1', payment_id: 'pay_1', amount: 49900, currency: 'INR', status: 'processed', notes: [] },
    },
  },
  created_at: 1593671460,
}

describe('parseRazorpayEvent', () => {
  test('accepts notes as [] (empty) and as an object (filled)', () => {
    const empty = parseRazorpayEvent(JSON.stringify(paymentCaptured([])))
    const filled = parseRazorpayEvent(JSON.stringify(paymentCaptured({ plan: 'pro', user_id: userId, attempt: 2 })))
    expect('event' in empty && empty.event.payload.payment?.entity.notes).toEqual([])
    expect('event' in filled && filled.event.payload.payment?.entity.notes).toEqual({ plan: 'pro', user_id: userId, attempt: 2 })
  })

  test('accepts subscription and refund events, created before activation (null period)', () => {
    expect(parseRazorpayEvent(JSON.stringify(subscriptionCharged))).toHaveProperty('event')
    expect(parseRazorpayEvent(JSON.stringify(refundProcessed))).toHaveProperty('event')
    const pending = structuredClone(subscriptionCharged)
    Object.assign(pending.payload.subscription.entity, { current_start: null, current_end: null, status: 'authenticated' })
    expect(parseRazorpayEvent(JSON.stringify(pending))).toHaveProperty('event')
  })

  test('accepts bytes and unknown event types (the route answers 200 and logs them)', () => {
    const body = JSON.stringify({ event: 'order.paid', payload: {}, created_at: 1 })
    const parsed = parseRazorpayEvent(new TextEncoder().encode(body))
    expect('event' in parsed && parsed.event.event).toBe('order.paid')
  })

  test('accepts null email, contact and order id', () => {
    const event = paymentCaptured([])
    Object.assign(event.payload.payment.entity, { email: null, contact: null, order_id: null })
    expect(parseRazorpayEvent(JSON.stringify(event))).toHaveProperty('event')
  })

  const invalid: [string, unknown, RegExp][] = [
    ['non-empty array notes', paymentCaptured(['plan']), /notes/],
    ['nested object in notes', paymentCaptured({ plan: { id: 'pro' } }), /notes/],
    ['amount as a string', { ...paymentCaptured([]), payload: { payment: { entity: { ...paymentCaptured([]).payload.payment.entity, amount: '499' } } } }, /amount/],
    ['missing event', { payload: {}, created_at: 1 }, /event/],
    ['missing created_at', { event: 'payment.captured', payload: {} }, /created_at/],
  ]
  for (const [name, value, field] of invalid) {
    test(`rejects ${name}, naming the field`, () => {
      const result = parseRazorpayEvent(JSON.stringify(value))
      expect('error' in result && result.error).toMatch(field)
    })
  }

  test('rejects non-JSON and non-UTF-8 bodies without echoing them', () => {
    expect(parseRazorpayEvent('gaurav@example.com')).toEqual({ error: 'body is not UTF-8 JSON' })
    expect(parseRazorpayEvent(new Uint8Array([0x7b, 0xff, 0x7d]))).toEqual({ error: 'body is not UTF-8 JSON' })
  })

  test('errors never contain customer data', () => {
    const event = paymentCaptured([])
    Object.assign(event.payload.payment.entity, { email: 42 })
    const result = parseRazorpayEvent(JSON.stringify(event))
    expect('error' in result && result.error).toMatch(/email/)
    expect(JSON.stringify(result)).not.toContain('+919876543210')
  })
})

describe('planFromNotes / userIdFromNotes', () => {
  test('read the plan and user from filled notes, normalised', () => {
    expect(planFromNotes({ plan: ' Pro ' })).toBe('pro')
    expect(userIdFromNotes({ user_id: userId.toUpperCase() })).toBe(userId)
  })

  test('return null for empty [] notes', () => {
    expect(planFromNotes([])).toBeNull()
    expect(userIdFromNotes([])).toBeNull()
  })

  test('return null for missing, non-string or malformed values', () => {
    expect(planFromNotes({})).toBeNull()
    expect(planFromNotes({ plan: 3 })).toBeNull()
    expect(planFromNotes({ plan: 'pro; drop table' })).toBeNull()
    expect(planFromNotes({ plan: '' })).toBeNull()
    expect(userIdFromNotes({ user_id: 'not-a-uuid' })).toBeNull()
    expect(userIdFromNotes({ user_id: null })).toBeNull()
    expect(userIdFromNotes({ user_id: `${userId}x` })).toBeNull()
  })
})
