import type { Tx } from '#shared/db/create-sql.ts'
import { dateInIndia } from './date-in-india.ts'
import { findPayingUser } from './find-paying-user.ts'
import type { EffectResult, PaymentEffect } from './payment-effect.ts'

/**
 * The paid plan stays until the end of the period already paid for, then drops to free (the
 * weekly reset acts on downgrade_at_period_end). The user is told when.
 */
async function downgradeAtPeriodEnd(tx: Tx, userId: string, reason: string, reference: string): Promise<EffectResult> {
  const [user] = await tx<{ tier: string; subscription_ends_at: Date | null }[]>`
    UPDATE users SET downgrade_at_period_end = TRUE, updated_at = now()
     WHERE id = ${userId} AND tier <> 'free'
     RETURNING tier, subscription_ends_at`
  if (!user) return { outcome: 'no_paid_plan', userId }
  const until = user.subscription_ends_at ? ` on ${dateInIndia(user.subscription_ends_at)}` : ' at the end of the period'
  await tx`
    INSERT INTO notifications (user_id, kind, title, body, data, dedupe_key)
    VALUES (${userId}, 'plan_ending', 'Your plan will end', ${`${reason} Your ${user.tier} plan stays active and ends${until}.`},
            ${tx.json({ tier: user.tier, subscription_ends_at: user.subscription_ends_at?.toISOString() ?? null })},
            ${`plan_ending:${reference}`})
    ON CONFLICT (dedupe_key) DO NOTHING`
  return { outcome: `downgrade_at_period_end:${user.tier}`, userId }
}

export const refundProcessed: PaymentEffect = async (tx, event) => {
  const refund = event.payload.refund?.entity
  if (!refund) return { outcome: 'missing_refund_entity', userId: null }
  const payment = event.payload.payment?.entity
  const userId = await findPayingUser(tx, payment ? [refund.notes, payment.notes] : [refund.notes], refund.payment_id)
  if (userId === null) return { outcome: 'unknown_user', userId: null }
  return downgradeAtPeriodEnd(tx, userId, 'Your refund has been processed.', `refund:${refund.id}`)
}

export const subscriptionCancelled: PaymentEffect = async (tx, event) => {
  const subscription = event.payload.subscription?.entity
  if (!subscription) return { outcome: 'missing_subscription_entity', userId: null }
  const userId = await findPayingUser(tx, [subscription.notes], null)
  if (userId === null) return { outcome: 'unknown_user', userId: null }
  return downgradeAtPeriodEnd(tx, userId, 'Your subscription is cancelled.', `subscription:${subscription.id}`)
}
