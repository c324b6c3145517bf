import { activatePlan } from './activate-plan.ts'
import { findPayingUser } from './find-paying-user.ts'
import type { PaymentEffect } from './payment-effect.ts'
import { planFromNotes } from './razorpay-event.ts'

/**
 * A one-off payment for a plan (an order created with notes {plan, user_id}). Payments without
 * a plan in their notes (e.g. a subscription's invoice payment, whose notes are empty) are left
 * to the subscription events. The amount must cover the plan's price: notes are ours, but the
 * amount is what was actually paid.
 */
export const paymentCaptured: PaymentEffect = async (tx, event) => {
  const payment = event.payload.payment?.entity
  if (!payment) return { outcome: 'missing_payment_entity', userId: null }
  const planId = planFromNotes(payment.notes)
  if (planId === null) return { outcome: 'no_plan_in_notes', userId: null }
  const userId = await findPayingUser(tx, [payment.notes], payment.id)
  if (userId === null) return { outcome: 'unknown_user', userId: null }
  const [plan] = await tx<{ price_inr: number }[]>`SELECT price_inr FROM plans WHERE id = ${planId}`
  if (!plan) return { outcome: `unknown_plan:${planId}`, userId }
  if (payment.currency !== 'INR' || payment.amount < plan.price_inr * 100) {
    return { outcome: `amount_short:${payment.amount}_${payment.currency}_for_${planId}`, userId }
  }
  return activatePlan(tx, { userId, planId, period: null, reference: `payment:${payment.id}` })
}

/**
 * subscription.activated and subscription.charged: the plan and user come from the
 * subscription's notes, the period from Razorpay (current_start/current_end). Both events of
 * the first period share one reference, so the welcome goes out once.
 */
export const subscriptionPaid: PaymentEffect = async (tx, event) => {
  const subscription = event.payload.subscription?.entity
  if (!subscription) return { outcome: 'missing_subscription_entity', userId: null }
  const payment = event.payload.payment?.entity
  const notes = payment ? [subscription.notes, payment.notes] : [subscription.notes]
  const planId = planFromNotes(subscription.notes) ?? (payment ? planFromNotes(payment.notes) : null)
  if (planId === null) return { outcome: 'no_plan_in_notes', userId: null }
  const userId = await findPayingUser(tx, notes, payment?.id ?? null)
  if (userId === null) return { outcome: 'unknown_user', userId: null }
  const { current_start: start, current_end: end } = subscription
  return activatePlan(tx, {
    userId,
    planId,
    period: start !== null && end !== null ? { start: new Date(start * 1000), end: new Date(end * 1000) } : null,
    reference: `subscription:${subscription.id}:${start ?? 'first'}`,
  })
}
