import { type Static, Type as T } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { UUID_PATTERN } from '#shared/auth/user-auth.ts'

/**
 * The subset of Razorpay webhook payloads Talvix acts on. Objects stay open
 * (Razorpay adds fields without notice); only fields we read are required.
 */

/**
 * Razorpay serialises empty notes as `[]` (a PHP empty array) and filled
 * notes as an object, so both shapes must pass.
 */
export const RazorpayNotes = T.Union([
  T.Array(T.Unknown(), { maxItems: 0 }),
  T.Record(T.String(), T.Union([T.String(), T.Number(), T.Boolean(), T.Null()])),
])
export type RazorpayNotes = Static<typeof RazorpayNotes>

export const RazorpayPaymentEntity = T.Object({
  id: T.String({ minLength: 1 }),
  /** null for payments not made against an order */
  order_id: T.Union([T.String(), T.Null()]),
  /** in paise */
  amount: T.Integer({ minimum: 0 }),
  currency: T.String(),
  status: T.String(),
  notes: RazorpayNotes,
  email: T.Union([T.String(), T.Null()]),
  contact: T.Union([T.String(), T.Null()]),
})
export type RazorpayPaymentEntity = Static<typeof RazorpayPaymentEntity>

export const RazorpaySubscriptionEntity = T.Object({
  id: T.String({ minLength: 1 }),
  plan_id: T.String(),
  status: T.String(),
  /** unix seconds; null until the subscription is first charged */
  current_start: T.Union([T.Integer(), T.Null()]),
  current_end: T.Union([T.Integer(), T.Null()]),
  notes: RazorpayNotes,
})
export type RazorpaySubscriptionEntity = Static<typeof RazorpaySubscriptionEntity>

export const RazorpayRefundEntity = T.Object({
  id: T.String({ minLength: 1 }),
  payment_id: T.String(),
  /** in paise */
  amount: T.Integer({ minimum: 0 }),
  currency: T.String(),
  status: T.String(),
  notes: RazorpayNotes,
})
export type RazorpayRefundEntity = Static<typeof RazorpayRefundEntity>

export const RazorpayEvent = T.Object({
  /** e.g. payment.captured, subscription.charged, refund.processed */
  event: T.String({ minLength: 1 }),
  payload: T.Object({
    payment: T.Optional(T.Object({ entity: RazorpayPaymentEntity })),
    subscription: T.Optional(T.Object({ entity: RazorpaySubscriptionEntity })),
    refund: T.Optional(T.Object({ entity: RazorpayRefundEntity })),
  }),
  /** unix seconds */
  created_at: T.Integer(),
})
export type RazorpayEvent = Static<typeof RazorpayEvent>

/**
 * Parses the verified raw webhook body. Error text names the field, never a
 * value (payloads carry customer email and phone).
 */
export function parseRazorpayEvent(rawBody: string | Uint8Array): { event: RazorpayEvent } | { error: string } {
  let json: unknown
  try {
    const text = typeof rawBody === 'string' ? rawBody : new TextDecoder('utf-8', { fatal: true }).decode(rawBody)
    json = JSON.parse(text)
  } catch {
    return { error: 'body is not UTF-8 JSON' }
  }
  if (!Value.Check(RazorpayEvent, json)) {
    const first = Value.Errors(RazorpayEvent, json).First()
    return { error: `${first?.path || '/'}: ${first?.message ?? 'does not match the Razorpay event schema'}` }
  }
  return { event: json }
}

/** Plan ids are data (the `plans` table); this only normalises the shape, the caller checks existence. */
const PLAN_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/

function noteText(notes: RazorpayNotes, key: string): string | null {
  if (Array.isArray(notes)) return null
  const value = notes[key]
  return typeof value === 'string' ? value.trim().toLowerCase() : null
}

/** The plan the checkout was created for (`notes.plan`, set by our order/subscription creation), or null. */
export function planFromNotes(notes: RazorpayNotes): string | null {
  const plan = noteText(notes, 'plan')
  return plan !== null && PLAN_ID_PATTERN.test(plan) ? plan : null
}

/** The Talvix user who paid (`notes.user_id`, a UUID), or null when absent or malformed. */
export function userIdFromNotes(notes: RazorpayNotes): string | null {
  const userId = noteText(notes, 'user_id')
  return userId !== null && UUID_PATTERN.test(userId) ? userId : null
}
