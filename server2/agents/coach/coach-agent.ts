import { defineAgent } from '#shared/agents/agent-implementation.ts'
import { composeCoachMessage } from './compose-coach-message.ts'
import { loadCoachFacts } from './load-coach-facts.ts'

/**
 * Daily coach: for every active user (an active parsed resume), or the one named, a short personal
 * message stored as a notification (the dashboard's realtime push) and queued on WhatsApp for
 * users with a verified number and alerts on. Both are keyed per user per IST day, so a retried or
 * repeated run sends nothing twice.
 */
export const coachAgent = defineAgent('coach', {
  userIdOf: (input) => input.user_id,
  async run(input, ctx) {
    const users = input.user_id
      ? [input.user_id]
      : (
          await ctx.sql<{ id: string }[]>`
            SELECT u.id FROM users u
             WHERE EXISTS (SELECT 1 FROM resumes r WHERE r.user_id = u.id AND r.is_active AND r.status = 'parsed')
             ORDER BY u.id`
        ).map((u) => u.id)
    const [{ day } = { day: '' }] = await ctx.sql<{ day: string }[]>`SELECT (now() AT TIME ZONE 'Asia/Kolkata')::date::text AS day`
    let notified = 0
    let whatsapp = 0
    for (const userId of users) {
      const facts = await loadCoachFacts(ctx.sql, userId)
      if (facts === null) continue
      const message = composeCoachMessage(facts)
      const dedupeKey = `coach:${userId}:${day}`
      const sent = await ctx.sql.begin(async (tx) => {
        const note = await tx`
          INSERT INTO notifications (user_id, kind, title, body, data, dedupe_key)
          VALUES (${userId}, 'coach', ${message.title}, ${message.body}, ${tx.json({ day, ...facts } as never)}, ${dedupeKey})
          ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`
        await tx`
          INSERT INTO user_insights (user_id, kind, data) VALUES (${userId}, 'coach', ${tx.json({ day, ...message } as never)})
          ON CONFLICT (user_id, kind) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`
        const wa = await tx`
          INSERT INTO wa_messages (direction, user_id, phone_e164, body, status, kind, dedupe_key)
          SELECT 'out', u.id, u.phone_e164, ${message.body}, 'pending', 'coach', ${dedupeKey}
            FROM users u
           WHERE u.id = ${userId} AND u.phone_verified AND u.wa_alerts_enabled AND u.phone_e164 IS NOT NULL
          ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`
        return { note: note.length, wa: wa.length }
      })
      notified += sent.note
      whatsapp += sent.wa
    }
    ctx.log.info({ users: users.length, notified, whatsapp, day }, 'coach messages sent')
    return { output: { trigger: input.trigger, users: users.length, notified, whatsapp } }
  },
})
