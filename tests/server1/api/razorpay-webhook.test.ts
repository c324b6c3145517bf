import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createHmac, randomBytes } from 'node:crypto'
import Razorpay from 'razorpay'
import { TEST_SECRETS } from '../../support/test-config.ts'
import { type ApiKit, expectError, startApiKit } from './api-test-kit.ts'

const PREVIOUS_SECRET = 'test-razorpay-previous-secret'
const DAY_MS = 86_400_000
let kit: ApiKit
beforeAll(async () => {
  kit = await startApiKit({ RAZORPAY_WEBHOOK_SECRET_PREVIOUS: PREVIOUS_SECRET })
})
afterAll(() => kit.stop())

/** Razorpay's algorithm: hex HMAC-SHA256 of the raw body; checked against the SDK's own validator. */
function sign(body: string, secret = TEST_SECRETS.RAZORPAY_WEBHOOK_SECRET): string {
  const signature = createHmac('sha256', secret).update(body).digest('hex')
  expect(Razorpay.validateWebhookSignature(body, signature, secret)).toBe(true)
  return signature
}

function deliver(body: string, options: { signature?: string | null; eventId?: string | null } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const signature = options.signature === undefined ? sign(body) : options.signature
  if (signature !== null) headers['x-razorpay-signature'] = signature
  const eventId = options.eventId === undefined ? `evt_${randomBytes(7).toString('hex')}` : options.eventId
  if (eventId !== null) headers['x-razorpay-event-id'] = eventId
  return kit.call('POST', '/api/webhooks/razorpay', { body, headers })
}

const id = (prefix: string) => `${prefix}_${randomBytes(7).toString('hex')}`
type Notes = Record<string, string> | []

function payment(notes: Notes, overrides: Record<string, unknown> = {}) {
  return { id: id('pay'), entity: 'payment', order_id: id('order'), amount: 49_900, currency: 'INR', status: 'captured', notes, email: 'a@example.in', contact: '+919800000000', ...overrides }
}

function paymentEvent(event: string, entity: ReturnType<typeof payment>): string {
  // Razorpay's own formatting (spacing) is what gets signed; keep it un-normalised on purpose.
  return JSON.stringify({ entity: 'event', account_id: 'acc_1', event, contains: ['payment'], payload: { payment: { entity } }, created_at: Math.floor(Date.now() / 1000) }, null, 1)
}

function subscriptionEvent(event: string, subscription: Record<string, unknown>, paymentEntity?: ReturnType<typeof payment>): string {
  const payload: Record<string, unknown> = { subscription: { entity: subscription } }
  if (paymentEntity) payload.payment = { entity: paymentEntity }
  return JSON.stringify({ entity: 'event', event, payload, created_at: Math.floor(Date.now() / 1000) })
}

async function payingUser(withPhone = true) {
  const user = await kit.signIn()
  if (withPhone) {
    const phone = `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
    await kit.sql`UPDATE users SET phone_e164 = ${phone}, phone_verified = TRUE WHERE id = ${user.userId}`
  }
  return user
}

async function userState(userId: string) {
  const [user] = await kit.sql<{ tier: string; subscription_started_at: Date; subscription_ends_at: Date; downgrade_at_period_end: boolean }[]>`
    SELECT tier, subscription_started_at, subscription_ends_at, downgrade_at_period_end FROM users WHERE id = ${userId}`
  if (!user) throw new Error('no user')
  const notifications = await kit.sql`SELECT kind FROM notifications WHERE user_id = ${userId} ORDER BY id`
  const messages = await kit.sql`SELECT kind, status, direction, body FROM wa_messages WHERE user_id = ${userId}`
  return { user, notifications: notifications.map((n) => n.kind), messages }
}

describe('payment.captured', () => {
  test('upgrades the tier from notes, sets the period, notifies and queues the WA welcome', async () => {
    const { userId } = await payingUser()
    const res = await deliver(paymentEvent('payment.captured', payment({ plan: 'pro', user_id: userId })))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'processed', outcome: 'upgraded:free->pro' })
    const state = await userState(userId)
    expect(state.user).toMatchObject({ tier: 'pro', downgrade_at_period_end: false })
    const ends = state.user.subscription_ends_at.getTime()
    expect(Math.abs(ends - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000)
    expect(state.notifications).toEqual(['plan_upgraded'])
    expect(state.messages).toHaveLength(1)
    expect(state.messages[0]).toMatchObject({ kind: 'welcome', status: 'pending', direction: 'out' })
    expect(String(state.messages[0]?.body)).toContain('Talvix Pro')
    const [event] = await kit.sql`SELECT event_type, user_id, outcome FROM payment_events WHERE user_id = ${userId}`
    expect(event).toMatchObject({ event_type: 'payment.captured', outcome: 'upgraded:free->pro' })
  })

  test('the same event 20× concurrently → one upgrade, one notification, one WA message', async () => {
    const { userId } = await payingUser()
    const body = paymentEvent('payment.captured', payment({ plan: 'premium', user_id: userId }, { amount: 129_900 }))
    const eventId = id('evt')
    const responses = await Promise.all(Array.from({ length: 20 }, () => deliver(body, { eventId })))
    const results = (await Promise.all(responses.map((r) => r.json()))) as { status: string }[]
    expect(responses.every((r) => r.status === 200)).toBe(true)
    expect(results.filter((r) => r.status === 'processed')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(19)
    const state = await userState(userId)
    expect(state.user.tier).toBe('premium')
    expect(state.notifications).toEqual(['plan_upgraded'])
    expect(state.messages).toHaveLength(1)
    expect(await kit.sql`SELECT 1 FROM payment_events WHERE event_id = ${eventId}`).toHaveLength(1)
  })

  test('the signed body replayed under a new event id applies once (effect key)', async () => {
    const { userId } = await payingUser()
    const body = paymentEvent('payment.captured', payment({ plan: 'pro', user_id: userId }))
    await deliver(body)
    const before = await userState(userId)
    await kit.expectNoChange(async () => {
      expect(await (await deliver(body)).json()).toEqual({ status: 'duplicate', outcome: 'already_processed' })
    })
    expect(await userState(userId)).toEqual(before)
  })

  test('a second payment for the same plan extends the period: renewed, no second welcome', async () => {
    const { userId } = await payingUser()
    await deliver(paymentEvent('payment.captured', payment({ plan: 'pro', user_id: userId })))
    const firstEnd = (await userState(userId)).user.subscription_ends_at.getTime()
    const res = await deliver(paymentEvent('payment.captured', payment({ plan: 'pro', user_id: userId })))
    expect(await res.json()).toEqual({ status: 'processed', outcome: 'renewed:pro' })
    const state = await userState(userId)
    expect(state.user.subscription_ends_at.getTime()).toBe(firstEnd + 30 * DAY_MS)
    expect(state.notifications).toEqual(['plan_upgraded', 'plan_renewed'])
    expect(state.messages).toHaveLength(1)
  })

  test('paying again after a paid period lapsed is a fresh start: new period from now, welcome again', async () => {
    const { userId } = await payingUser()
    await kit.sql`
      UPDATE users SET tier = 'pro', subscription_started_at = now() - interval '40 days', subscription_ends_at = now() - interval '10 days'
       WHERE id = ${userId}`
    expect(await (await deliver(paymentEvent('payment.captured', payment({ plan: 'pro', user_id: userId })))).json()).toMatchObject({
      outcome: 'upgraded:free->pro',
    })
    const state = await userState(userId)
    expect(Math.abs(state.user.subscription_ends_at.getTime() - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000)
    expect(state.messages).toHaveLength(1)
  })

  test('a user without a verified phone is upgraded and notified; no WA message', async () => {
    const { userId } = await payingUser(false)
    await deliver(paymentEvent('payment.captured', payment({ plan: 'pro', user_id: userId })))
    const state = await userState(userId)
    expect(state.user.tier).toBe('pro')
    expect(state.notifications).toEqual(['plan_upgraded'])
    expect(state.messages).toHaveLength(0)
  })

  test('notes as [] (Razorpay empty notes) → 200, recorded, no upgrade', async () => {
    const before = await kit.sql`SELECT count(*)::int AS n FROM users WHERE tier <> 'free'`
    const res = await deliver(paymentEvent('payment.captured', payment([])))
    expect(await res.json()).toEqual({ status: 'processed', outcome: 'no_plan_in_notes' })
    expect(await kit.sql`SELECT count(*)::int AS n FROM users WHERE tier <> 'free'`).toEqual(before)
  })

  test('an amount below the plan price → recorded, no upgrade', async () => {
    const { userId } = await payingUser()
    const res = await deliver(paymentEvent('payment.captured', payment({ plan: 'premium', user_id: userId }, { amount: 100 })))
    expect(((await res.json()) as { outcome: string }).outcome).toStartWith('amount_short')
    expect((await userState(userId)).user.tier).toBe('free')
  })

  test('unknown plan or unknown user → recorded, nothing else', async () => {
    const { userId } = await payingUser()
    const unknownPlan = await deliver(paymentEvent('payment.captured', payment({ plan: 'platinum', user_id: userId })))
    expect(((await unknownPlan.json()) as { outcome: string }).outcome).toBe('unknown_plan:platinum')
    const stranger = await deliver(paymentEvent('payment.captured', payment({ plan: 'pro', user_id: crypto.randomUUID() })))
    expect(((await stranger.json()) as { outcome: string }).outcome).toBe('unknown_user')
    expect((await userState(userId)).user.tier).toBe('free')
  })
})

describe('out of order and downgrades', () => {
  test('payment.failed before payment.captured: failure noted, the capture still upgrades; a late failure is ignored', async () => {
    const { userId } = await payingUser()
    const attempt = payment({ plan: 'pro', user_id: userId }, { status: 'failed' })
    expect(await (await deliver(paymentEvent('payment.failed', attempt))).json()).toMatchObject({ outcome: 'payment_failed' })
    expect((await userState(userId)).user.tier).toBe('free')
    const captured = { ...attempt, status: 'captured' }
    expect(await (await deliver(paymentEvent('payment.captured', captured))).json()).toMatchObject({ outcome: 'upgraded:free->pro' })
    const late = payment({ plan: 'pro', user_id: userId }, { status: 'failed' })
    await deliver(paymentEvent('payment.captured', { ...late, status: 'captured' }))
    expect(await (await deliver(paymentEvent('payment.failed', late))).json()).toMatchObject({ outcome: 'failure_after_capture_ignored' })
    const state = await userState(userId)
    expect(state.user.tier).toBe('pro')
    expect(state.notifications).toEqual(['payment_failed', 'plan_upgraded', 'plan_renewed'])
  })

  test('refund.processed with empty notes finds the user by the payment and downgrades at period end', async () => {
    const { userId } = await payingUser()
    const paid = payment({ plan: 'pro', user_id: userId })
    await deliver(paymentEvent('payment.captured', paid))
    const refund = { id: id('rfnd'), entity: 'refund', payment_id: paid.id, amount: 49_900, currency: 'INR', status: 'processed', notes: [] }
    const body = JSON.stringify({ event: 'refund.processed', payload: { refund: { entity: refund } }, created_at: 1_700_000_000 })
    expect(await (await deliver(body)).json()).toEqual({ status: 'processed', outcome: 'downgrade_at_period_end:pro' })
    const state = await userState(userId)
    expect(state.user).toMatchObject({ tier: 'pro', downgrade_at_period_end: true })
    expect(state.notifications).toEqual(['plan_upgraded', 'plan_ending'])
  })

  test('subscription.activated then .charged for the first period: one welcome; cancelled → downgrade at period end', async () => {
    const { userId } = await payingUser()
    const start = Math.floor(Date.now() / 1000)
    const end = start + 30 * 86_400
    const subscription = { id: id('sub'), entity: 'subscription', plan_id: 'plan_rzp_pro', status: 'active', current_start: start, current_end: end, notes: { plan: 'pro', user_id: userId } }
    expect(await (await deliver(subscriptionEvent('subscription.activated', subscription))).json()).toMatchObject({ outcome: 'upgraded:free->pro' })
    const invoicePayment = payment([], { amount: 49_900 })
    expect(await (await deliver(subscriptionEvent('subscription.charged', subscription, invoicePayment))).json()).toMatchObject({ outcome: 'plan_unchanged' })
    let state = await userState(userId)
    expect(state.user.subscription_ends_at.getTime()).toBe(end * 1000)
    expect(state.notifications).toEqual(['plan_upgraded'])
    expect(state.messages).toHaveLength(1)

    const cancelled = { ...subscription, status: 'cancelled' }
    expect(await (await deliver(subscriptionEvent('subscription.cancelled', cancelled))).json()).toMatchObject({ outcome: 'downgrade_at_period_end:pro' })
    state = await userState(userId)
    expect(state.user).toMatchObject({ tier: 'pro', downgrade_at_period_end: true })
  })

  test('an event type Talvix does not act on → 200, recorded as unhandled', async () => {
    const eventId = id('evt')
    const body = JSON.stringify({ event: 'order.paid', payload: { order: { entity: { id: id('order') } } }, created_at: 1_700_000_000 })
    expect(await (await deliver(body, { eventId })).json()).toEqual({ status: 'processed', outcome: 'unhandled_event' })
    const [row] = await kit.sql`SELECT event_type, outcome FROM payment_events WHERE event_id = ${eventId}`
    expect(row).toEqual({ event_type: 'order.paid', outcome: 'unhandled_event' })
  })

  test('a signed event that does not match the schema → 200, recorded as unreadable, no effect', async () => {
    const eventId = id('evt')
    const body = JSON.stringify({ event: 'payment.captured', payload: { payment: { entity: { id: 'pay_x' } } } })
    const result = (await (await deliver(body, { eventId })).json()) as { outcome: string }
    expect(result.outcome).toStartWith('unreadable:')
    expect(await kit.sql`SELECT 1 FROM payment_events WHERE event_id = ${eventId}`).toHaveLength(1)
  })
})

const body = () => paymentEvent('payment.captured', payment({ plan: 'pro', user_id: crypto.randomUUID() }))

describe('signature', () => {
  test('the previous secret is still accepted during rotation', async () => {
    const raw = body()
    expect((await deliver(raw, { signature: sign(raw, PREVIOUS_SECRET) })).status).toBe(200)
  })

  const forgeries: [string, (raw: string) => { raw: string; signature: string | null }][] = [
    ['forged signature (another secret)', (raw) => ({ raw, signature: sign(raw, 'attacker-guessed-secret') })],
    ['missing signature', (raw) => ({ raw, signature: null })],
    ['not hex', (raw) => ({ raw, signature: 'z'.repeat(64) })],
    ['uppercase hex', (raw) => ({ raw, signature: sign(raw).toUpperCase() })],
    ['body changed after signing (one space)', (raw) => ({ raw: raw.replace('{', '{ '), signature: sign(raw) })],
    ['body re-serialised', (raw) => ({ raw: JSON.stringify(JSON.parse(raw)), signature: sign(raw) })],
  ]
  for (const [what, forge] of forgeries) {
    test(`${what} → 400, nothing written`, async () => {
      const { raw, signature } = forge(body())
      await kit.expectNoChange(async () => expectError(await deliver(raw, { signature }), 400))
    })
  }

  test('missing event id → 400, nothing written', async () => {
    await kit.expectNoChange(async () => expectError(await deliver(body(), { eventId: null }), 400, 'x-razorpay-event-id'))
  })

  test('signed but not JSON → 400, nothing written', async () => {
    await kit.expectNoChange(async () => expectError(await deliver('not json at all'), 400))
  })

  test('an oversized body → 413 before anything is read', async () => {
    const raw = JSON.stringify({ event: 'x', padding: 'x'.repeat(300 * 1024) })
    await kit.expectNoChange(async () => expectError(await deliver(raw), 413))
  })
})
