import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import type { Sql } from '#shared/db/create-sql.ts'
import type { FuzzWorld } from './fuzz-case.ts'
import { forgedAuthHeaders } from './forged-tokens.ts'

export interface FuzzSecrets {
  SUPABASE_JWT_SECRET: string
  ADMIN_TOKEN: string
  RAZORPAY_WEBHOOK_SECRET: string
  INTERNAL_SIGNING_SECRET: string
}

/** The verified WhatsApp number of the victim, for messages that pass gate 1. */
export const VICTIM_PHONE = '+919811100001'

/**
 * Two users. The victim owns notifications, applications (one queued for review), scored jobs
 * and a verified WhatsApp number; the attacker is a real, signed-in user who owns none of them,
 * so every id in the database is someone else's to the attacker. Nothing seeded is work a
 * poller would pick up (jobs are cleaned and outside any scrape run, no stale flags).
 */
export async function seedWorld(sql: Sql, secrets: FuzzSecrets): Promise<FuzzWorld> {
  const victimId = crypto.randomUUID()
  const attackerId = crypto.randomUUID()
  await sql`
    INSERT INTO users (id, full_name, tier, phone_e164, phone_verified, target_roles, subscription_ends_at)
    VALUES (${victimId}, 'Asha Victim', 'pro', ${VICTIM_PHONE}, TRUE, ${['Backend Engineer']}, now() + interval '30 days'),
           (${attackerId}, 'Mallory', 'free', NULL, FALSE, '{}', NULL)`
  const jobs = await sql<{ id: string }[]>`
    INSERT INTO jobs (source, external_id, url, title, company, location_text, raw_jd, jd_cleaned)
    SELECT 'lever', 'fuzz-' || g, 'https://jobs.example/' || g, 'Engineer ' || g, 'Acme ' || g, 'Pune', 'JD', TRUE
      FROM generate_series(1, 5) g
    RETURNING id`
  for (const [i, job] of jobs.entries()) {
    await sql`
      INSERT INTO fit_scores (user_id, job_id, score, components, explanation)
      VALUES (${victimId}, ${job.id}, ${90 - i}, ${sql.json({ title: 0.9 })}, ${sql.json({ summary: 'match', matched_skills: ['Go'], missing_skills: [] })})`
  }
  const applications = await sql<{ id: string }[]>`
    INSERT INTO job_applications (user_id, job_id, company, title, source, status, auto_status, fit_score, applied_at)
    VALUES (${victimId}, ${jobs[0]!.id}, 'Acme 1', 'Engineer 1', 'auto', 'saved', 'queued', 90, NULL),
           (${victimId}, ${jobs[1]!.id}, 'Acme 2', 'Engineer 2', 'manual', 'applied', NULL, NULL, now()),
           (${victimId}, ${jobs[2]!.id}, 'Acme 3', 'Engineer 3', 'auto', 'saved', 'queued', 88, NULL)
    RETURNING id`
  const notifications = await sql<{ id: string }[]>`
    INSERT INTO notifications (user_id, kind, title, body)
    SELECT ${victimId}, 'match', 'New match ' || g, 'Engineer at Acme' FROM generate_series(1, 10) g
    RETURNING id`
  return {
    attacker: `Bearer ${await issueDevToken(secrets.SUPABASE_JWT_SECRET, attackerId)}`,
    forged: await forgedAuthHeaders(secrets.SUPABASE_JWT_SECRET, victimId),
    adminToken: secrets.ADMIN_TOKEN,
    victimNotificationIds: notifications.map((n) => Number(n.id)),
    victimApplicationIds: applications.map((a) => Number(a.id)),
    victimId,
    attackerId,
    razorpaySecret: secrets.RAZORPAY_WEBHOOK_SECRET,
    internalSecret: secrets.INTERNAL_SIGNING_SECRET,
  }
}
