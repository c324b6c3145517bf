import { findPayingUser } from './find-paying-user.ts'
import type { PaymentEffect } from './payment-effect.ts'

/**
 * A failed attempt changes no plan. Events arrive out of order: a failure reported after the
 * same payment was captured is stale and says nothing; a failure reported first tells the user,
 * and the capture that follows still upgrades.
 */
export const paymentFailed: PaymentEffect = async (tx, event) => {
  const payment = event.payload.payment?.entity
  if (!payment) return { outcome: 'missing_payment_entity', userId: null }
  const userId = await findPayingUser(tx, [payment.notes], payment.id)
  if (userId === null) return { outcome: 'unknown_user', userId: null }
  const [captured] = await tx`
    SELECT 1 FROM payment_events WHERE provider = 'razorpay' AND effect_key = ${`payment.captured:${payment.id}`}`
  if (captured) return { outcome: 'failure_after_capture_ignored', userId }
  await tx`
    INSERT INTO notifications (user_id, kind, title, body, data, dedupe_key)
    VALUES (${userId}, 'payment_failed', 'Payment did not go through',
            'Your payment failed and you were not charged for it. You can try again from the plans page.',
            ${tx.json({ payment_id: payment.id })}, ${`payment_failed:${payment.id}`})
    ON CONFLICT (dedupe_key) DO NOTHING`
  return { outcome: 'payment_failed', userId }
}
