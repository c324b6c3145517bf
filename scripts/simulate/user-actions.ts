import { pollUntil } from './poll.ts'
import { forEachLimited } from './metrics.ts'
import type { Persona } from './personas.ts'
import { renderResume } from './resumes.ts'
import { razorpayId } from './server1-client.ts'
import { type Sim, USER_CONCURRENCY } from './sim-context.ts'

const DAY_S = 86_400
const PLAN_DAYS = 30

/**
 * The account as it stands when the day starts: Supabase sign-up made the row, billing history
 * set the plan. Everything else a user does goes through Server 1's routes.
 */
async function seedAccount(sim: Sim, persona: Persona) {
  const paid = persona.plan !== 'free'
  await sim.sql`
    INSERT INTO users (id, email, full_name, tier, subscription_started_at, subscription_ends_at)
    VALUES (${persona.id}, ${persona.email}, ${persona.fullName}, ${persona.plan},
            ${paid ? new Date(Date.now() - 5 * DAY_S * 1000) : null},
            ${paid ? new Date(Date.now() + (PLAN_DAYS - 5) * DAY_S * 1000) : null})`
}

async function capture(sim: Sim, persona: Persona, platform: 'naukri' | 'linkedin', alive: boolean) {
  const now = Math.floor(Date.now() / 1000)
  const login = platform === 'naukri' ? 'nauk_at' : 'li_at'
  const cookies = [
    { name: login, value: `sim-${persona.index}`, expires: alive ? now + 30 * DAY_S : now - DAY_S },
    { name: sim.boards.portal.cookie.name, value: sim.boards.portal.cookie.value },
  ]
  await sim.client.call('vault capture', persona.id, 'POST', '/api/vault/capture', { platform, session: { cookies } })
}

/** The number gets a code over WhatsApp; the user types it back on the dashboard. */
async function linkPhone(sim: Sim, persona: Persona) {
  await sim.client.call('phone request', persona.id, 'POST', '/api/user/phone', { phone: persona.phone })
  const code = await pollUntil(
    `a verification code on ${persona.phone}`,
    async () => {
      await sim.whatsapp.flush()
      return /code is (\d{6})/.exec(sim.whatsapp.inbox(persona.phone).at(-1) ?? '')?.[1] ?? null
    },
    30_000,
    100,
  )
  await sim.client.call('phone verify', persona.id, 'POST', '/api/user/phone/verify', { code })
}

/** 09:00 — everyone signs up: profile, target roles, resume upload (onboarding), platform logins, WhatsApp. */
export async function signUpEveryone(sim: Sim) {
  await forEachLimited(sim.personas, USER_CONCURRENCY, async (persona) => {
    await seedAccount(sim, persona)
    await sim.client.call('update profile', persona.id, 'PATCH', '/api/user/profile', {
      locations: persona.cities,
      expected_salary_inr: persona.expectedSalaryInr,
      auto_apply: { enabled: persona.autoApply, min_score: persona.minScore, review_mode_days: persona.reviewDays },
    })
    await sim.client.call('change roles', persona.id, 'PATCH', '/api/user/roles', { roles: persona.roles })
    await sim.client.upload(persona.id, await renderResume(persona))
    if (persona.naukriSession) await capture(sim, persona, 'naukri', true)
    if (persona.expiredLinkedin) await capture(sim, persona, 'linkedin', false)
    if (persona.whatsapp) await linkPhone(sim, persona)
  }, sim.failed)
}

/** 14:00 — upgrades through Razorpay: each captured payment is delivered twice (a webhook retry) and once more under a new event id (a replay). */
export async function payments(sim: Sim) {
  await sim.sql`CREATE TABLE IF NOT EXISTS sim_payments_sent (payment_id text PRIMARY KEY, user_id uuid NOT NULL, plan text NOT NULL)`
  await forEachLimited(sim.personas.filter((p) => p.pays), 1, async (persona) => {
    const plan = persona.plan === 'free' ? 'pro' : 'premium'
    const payment = {
      id: razorpayId('pay'),
      entity: 'payment',
      order_id: razorpayId('order'),
      amount: plan === 'pro' ? 49_900 : 129_900,
      currency: 'INR',
      status: 'captured',
      notes: { plan, user_id: persona.id },
      email: persona.email,
      contact: persona.phone,
    }
    await sim.sql`INSERT INTO sim_payments_sent (payment_id, user_id, plan) VALUES (${payment.id}, ${persona.id}, ${plan})`
    const body = JSON.stringify({ entity: 'event', account_id: 'acc_sim', event: 'payment.captured', contains: ['payment'], payload: { payment: { entity: payment } }, created_at: Math.floor(Date.now() / 1000) })
    const eventId = razorpayId('evt')
    await Promise.all([sim.client.razorpay(body, eventId), sim.client.razorpay(body, eventId)])
    await sim.client.razorpay(body, razorpayId('evt'))
  }, sim.failed)
}

/** 16:00 — a few users change their target roles, a few upload a new resume: their fit scores go stale. */
export async function changesOfMind(sim: Sim) {
  await forEachLimited(sim.personas.filter((p) => p.changesRoles || p.reuploads), USER_CONCURRENCY, async (persona) => {
    if (persona.changesRoles) {
      const roles = [...persona.roles.slice(1), 'Business Analyst'].slice(0, 2)
      await sim.client.call('change roles', persona.id, 'PATCH', '/api/user/roles', { roles })
    }
    if (persona.reuploads) await sim.client.upload(persona.id, await renderResume({ ...persona, years: persona.years + 1 }))
  }, sim.failed)
}

/** 17:00 — some users look at their dashboard. */
export async function dashboards(sim: Sim) {
  await forEachLimited(sim.personas.filter(() => sim.random.chance(0.2)), USER_CONCURRENCY, async (persona) => {
    await sim.client.call('dashboard', persona.id, 'GET', '/api/dashboard')
  }, sim.failed)
}

/** 22:00 — review-mode users answer their queue on the dashboard: approve the best, skip the next. */
export async function reviewQueues(sim: Sim) {
  const queued = await sim.sql<{ user_id: string; ids: string[] }[]>`
    SELECT user_id, array_agg(id ORDER BY fit_score DESC, id) AS ids FROM job_applications
     WHERE auto_status = 'queued' GROUP BY user_id ORDER BY user_id`
  await forEachLimited(queued, USER_CONCURRENCY, async ({ user_id: userId, ids }) => {
    const [approve, skip] = ids
    if (approve) await sim.client.call('approve application', userId, 'POST', `/api/applications/${approve}/approve`)
    if (skip && sim.random.chance(0.5)) await sim.client.call('skip application', userId, 'POST', `/api/applications/${skip}/skip`)
  }, sim.failed)
}

/** 23:00 — users read notifications: one at a time, or all at once. */
export async function readNotifications(sim: Sim) {
  await forEachLimited(sim.personas.filter(() => sim.random.chance(0.4)), USER_CONCURRENCY, async (persona) => {
    const page = await sim.client.call<{ items: { id: number; status: string }[] }>('list notifications', persona.id, 'GET', '/api/notifications')
    const unread = page.items.find((n) => n.status === 'unread')
    if (sim.random.chance(0.25)) await sim.client.call('read all notifications', persona.id, 'POST', '/api/notifications/read-all')
    else if (unread) await sim.client.call('read notification', persona.id, 'PATCH', `/api/notifications/${unread.id}`, { status: 'read' })
  }, sim.failed)
}
