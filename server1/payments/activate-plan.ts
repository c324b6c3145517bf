import type { Tx } from '#shared/db/create-sql.ts'
import { enqueueWaMessage } from '../whatsapp/outbox.ts'
import type { EffectResult } from './payment-effect.ts'
import { welcomeMessage } from './welcome-message.ts'

const DAY_MS = 24 * 60 * 60 * 1000

export interface PlanPurchase {
  userId: string
  planId: string
  /** the paid period when Razorpay states it (subscriptions); otherwise the plan's period_days from now */
  period: { start: Date; end: Date } | null
  /** names this purchase in dedupe keys */
  reference: string
}

type PlanRow = { id: string; name: string; period_days: number; weekly_apply_quota: number }
type UserRow = {
  tier: string
  subscription_started_at: Date | null
  subscription_ends_at: Date | null
  phone_e164: string | null
  phone_verified: boolean
}

/** A one-off payment buys period_days: from now, or added to what is left of the same plan. */
function oneOffPeriod(user: UserRow, plan: PlanRow, now: Date): { start: Date; end: Date } {
  const running = user.tier === plan.id && user.subscription_ends_at !== null && user.subscription_ends_at > now
  if (!running || !user.subscription_ends_at) return { start: now, end: new Date(now.getTime() + plan.period_days * DAY_MS) }
  return {
    start: user.subscription_started_at ?? now,
    end: new Date(user.subscription_ends_at.getTime() + plan.period_days * DAY_MS),
  }
}

/**
 * Puts the user on the paid plan for the period. A new tier gets the welcome (notification and
 * WhatsApp message); the same tier paid again extends the period (a one-off payment adds its
 * days to what is left) and says "renewed"; an event that changes nothing (subscription.activated
 * and .charged both describe the first period) says nothing. The user row is locked, so
 * concurrent events for one user apply one after another.
 */
export async function activatePlan(tx: Tx, purchase: PlanPurchase): Promise<EffectResult> {
  const { userId, planId } = purchase
  const [plan] = await tx<PlanRow[]>`SELECT id, name, period_days, weekly_apply_quota FROM plans WHERE id = ${planId}`
  if (!plan) return { outcome: `unknown_plan:${planId}`, userId }
  const [user] = await tx<UserRow[]>`
    SELECT tier, subscription_started_at, subscription_ends_at, phone_e164, phone_verified
      FROM users WHERE id = ${userId} FOR UPDATE`
  if (!user) return { outcome: 'unknown_user', userId: null }

  const now = new Date()
  const { start, end } = purchase.period ?? oneOffPeriod(user, plan, now)
  // a paid tier whose period ran out is free in effect: paying for it again is a fresh start, with a welcome
  const lapsed = user.tier !== 'free' && user.subscription_ends_at !== null && user.subscription_ends_at <= now
  const currentTier = lapsed ? 'free' : user.tier
  const upgraded = currentTier !== plan.id
  const extended = !upgraded && user.subscription_ends_at?.getTime() !== end.getTime()
  if (!upgraded && !extended) return { outcome: 'plan_unchanged', userId }

  await tx`
    UPDATE users SET tier = ${plan.id}, subscription_started_at = ${start}, subscription_ends_at = ${end},
                     downgrade_at_period_end = FALSE, updated_at = now()
     WHERE id = ${userId}`
  const kind = upgraded ? 'plan_upgraded' : 'plan_renewed'
  const body = welcomeMessage(plan, end, upgraded)
  await tx`
    INSERT INTO notifications (user_id, kind, title, body, data, dedupe_key)
    VALUES (${userId}, ${kind}, ${upgraded ? `Welcome to Talvix ${plan.name}` : `Talvix ${plan.name} renewed`}, ${body},
            ${tx.json({ plan: plan.id, from_tier: currentTier, subscription_ends_at: end.toISOString() })},
            ${`${kind}:${userId}:${purchase.reference}`})
    ON CONFLICT (dedupe_key) DO NOTHING`
  if (upgraded && user.phone_verified && user.phone_e164) {
    await enqueueWaMessage(tx, {
      phoneE164: user.phone_e164,
      body,
      kind: 'welcome',
      userId,
      dedupeKey: `welcome:${userId}:${purchase.reference}`,
    })
  }
  return { outcome: upgraded ? `upgraded:${currentTier}->${plan.id}` : `renewed:${plan.id}`, userId }
}
