import { forEachLimited } from './metrics.ts'
import { type Sim, USER_CONCURRENCY } from './sim-context.ts'

/**
 * 12:00 — people with a linked number talk to the bot: status, jobs, help. One in ten phones
 * delivers its message twice (WhatsApp redelivers after a reconnect); a stranger writes too.
 */
export async function middayChats(sim: Sim) {
  const linked = sim.personas.filter((p) => p.whatsapp)
  await forEachLimited(linked, USER_CONCURRENCY, async (persona) => {
    const body = sim.random.pick(['status', 'jobs', 'help', 'coach'])
    const id = `3EB0MID${persona.index.toString(16).toUpperCase().padStart(8, '0')}`
    await sim.whatsapp.send(persona.phone, body, id)
    if (sim.random.chance(0.1)) await sim.whatsapp.send(persona.phone, body, id)
  }, sim.failed)
  await sim.whatsapp.send('+919999000001', 'hi')
}

/**
 * 22:30 — after the evening's picks: paying users in review mode answer their queue on WhatsApp
 * ("approve all", then YES to the confirmation); others ask for their jobs.
 */
export async function eveningChats(sim: Sim) {
  const linked = sim.personas.filter((p) => p.whatsapp)
  await forEachLimited(linked, USER_CONCURRENCY, async (persona) => {
    const [user] = await sim.sql<{ tier: string; review: boolean; queued: number }[]>`
      SELECT u.tier, coalesce(u.review_mode_until > now(), false) AS review,
             (SELECT count(*)::int FROM job_applications a WHERE a.user_id = u.id AND a.auto_status = 'queued') AS queued
        FROM users u WHERE u.id = ${persona.id}`
    if (user && user.tier !== 'free' && user.review && user.queued > 0) {
      const outcome = await sim.whatsapp.send(persona.phone, 'approve all')
      if (outcome.startsWith('asked:')) await sim.whatsapp.send(persona.phone, 'yes')
    } else {
      await sim.whatsapp.send(persona.phone, sim.random.pick(['jobs', 'status']))
    }
  }, sim.failed)
}
