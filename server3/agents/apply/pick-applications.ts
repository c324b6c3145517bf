import { type AgentOutcome, type AgentRunContext, type Hop, hop } from '#shared/agents/agent-implementation.ts'
import { SESSION_PLATFORMS } from '../../sessions/platform-profiles.ts'
import { notifyUser } from './notify-user.ts'

/** Postings older than this are likely filled; they are not applied to. */
const FRESH_DAYS = 30

interface UserState {
  auto_apply_enabled: boolean
  min_score: number
  review: boolean
  quota_left: number
  week_started_at: Date
  valid_connections: number
  invalid_connections: number
  pending: number
}

interface Candidate {
  job_id: string
  score: number
  title: string
  company: string
  url: string | null
  company_key: string
}

/**
 * Agent 12 for one user: the gates (auto-apply on, every stored session valid and at least one,
 * weekly quota left), then the best-scoring fresh jobs at or above the user's minimum become
 * applications — unique per user/job, never a company + title the user already has (from any
 * source, manual ones included), never a company inside its cooldown. In review mode they are
 * queued for approval; otherwise they go on to be prepared and submitted, one run each.
 */
export async function pickApplications(userId: string, ctx: AgentRunContext): Promise<AgentOutcome> {
  const log = ctx.log.child({ user_id: userId })
  const [user] = await ctx.sql<UserState[]>`
    SELECT u.auto_apply_enabled, u.auto_apply_min_score AS min_score,
           (coalesce(u.review_mode_until > now(), false) OR p.review_mode_forced) AS review,
           p.weekly_apply_quota - u.applies_this_week AS quota_left, u.week_started_at,
           (SELECT count(*)::int FROM user_connections c WHERE c.user_id = u.id AND c.is_valid) AS valid_connections,
           (SELECT count(*)::int FROM user_connections c WHERE c.user_id = u.id AND NOT c.is_valid) AS invalid_connections,
           (SELECT count(*)::int FROM job_applications a
             WHERE a.user_id = u.id AND a.auto_status IN ('queued', 'approved', 'preparing', 'ready', 'submitting')) AS pending
      FROM users u JOIN plans p ON p.id = u.tier WHERE u.id = ${userId}`
  const skip = (reason: string) => {
    log.info({ reason }, 'apply: user skipped')
    return { output: { user_id: userId, picked: 0, skipped: reason } }
  }
  if (!user) return skip('user not found')
  if (!user.auto_apply_enabled) return skip('auto-apply is off')
  if (user.invalid_connections > 0) return skip('a platform session is invalid')
  if (user.valid_connections === 0) return skip('no connected platform session')
  const slots = user.quota_left - user.pending
  if (user.quota_left <= 0) {
    await ctx.sql.begin((tx) =>
      notifyUser(tx, userId, {
        kind: 'apply_quota_reached',
        title: 'Weekly apply limit reached',
        body: 'You have used this week\u2019s auto-applies. Talvix resumes on Monday, or upgrade your plan for more.',
        data: {},
        dedupeKey: `apply-quota:${userId}:${user.week_started_at.toISOString()}`,
      }),
    )
    return skip('weekly quota exhausted')
  }

  const inserted = await ctx.sql.begin(async (tx) => {
    // Two apply runs for one user pick one after the other, so the cooldown and company checks see each other's rows.
    await tx`SELECT pg_advisory_xact_lock(hashtext('talvix:apply-pick'), hashtext(${userId}))`
    if (slots <= 0) return []
    const candidates = await tx<Candidate[]>`
      SELECT f.job_id, f.score, j.title, j.company, j.url, talvix_company_key(j.company) AS company_key
        FROM fit_scores f JOIN jobs j ON j.id = f.job_id
       WHERE f.user_id = ${userId} AND f.score >= ${user.min_score}
         AND j.duplicate_of IS NULL AND j.jd_cleaned
         AND j.last_seen_at > now() - ${FRESH_DAYS} * interval '1 day'
         AND (j.structured->>'apply_email' IS NOT NULL
              OR (j.url IS NOT NULL AND (j.source <> ALL (${SESSION_PLATFORMS as unknown as string[]}::text[])
                  OR EXISTS (SELECT 1 FROM user_connections c WHERE c.user_id = f.user_id AND c.platform = j.source AND c.is_valid))))
         AND NOT EXISTS (
           SELECT 1 FROM job_applications a
            WHERE a.user_id = f.user_id
              AND (a.job_id = j.id OR a.dedupe_key = j.dedupe_key
                   OR a.job_id IN (SELECT d.id FROM jobs d WHERE d.duplicate_of = j.id)))
         AND NOT EXISTS (
           SELECT 1 FROM job_applications a
            WHERE a.user_id = f.user_id AND a.source = 'auto' AND a.company_key = talvix_company_key(j.company)
              AND a.created_at > now() - ${ctx.config.APPLY_COMPANY_COOLDOWN_DAYS} * interval '1 day')
       ORDER BY f.score DESC, j.id
       LIMIT ${slots * 4}`
    const companies = new Set<string>()
    const rows: { id: number; status: string; score: number }[] = []
    for (const c of candidates) {
      if (rows.length >= slots) break
      if (ctx.config.APPLY_COMPANY_COOLDOWN_DAYS > 0 && companies.has(c.company_key)) continue
      const status = user.review ? 'queued' : 'approved'
      const [row] = await tx<{ id: string }[]>`
        INSERT INTO job_applications (user_id, job_id, job_url, company, title, source, status, auto_status, fit_score)
        VALUES (${userId}, ${c.job_id}, ${c.url}, ${c.company}, ${c.title}, 'auto', 'saved', ${status}, ${c.score})
        ON CONFLICT DO NOTHING
        RETURNING id`
      if (!row) continue
      companies.add(c.company_key)
      rows.push({ id: Number(row.id), status, score: c.score })
    }
    const queued = rows.filter((r) => r.status === 'queued')
    if (queued.length > 0) {
      await notifyUser(tx, userId, {
        kind: 'apply_queued',
        title: `${queued.length} job${queued.length === 1 ? '' : 's'} waiting for your approval`,
        body: `Talvix found ${queued.length} strong match${queued.length === 1 ? '' : 'es'} to apply to. Approve or skip them in Talvix or reply APPROVE ALL.`,
        data: { application_ids: queued.map((r) => r.id) },
        dedupeKey: `apply-queued:${userId}:${ctx.runId}`,
      })
    }
    return rows
  })

  // Everything approved or ready goes on — this run's picks and any left waiting by an earlier
  // run (a cap, a paused session), so a lost hop is found again on the user's next run.
  const waiting = await ctx.sql<{ id: string }[]>`
    SELECT id FROM job_applications WHERE user_id = ${userId} AND auto_status IN ('approved', 'ready') ORDER BY fit_score DESC NULLS LAST, id`
  const hops: Hop[] = waiting.map((a) => hop('apply', { scope: 'application', application_id: Number(a.id), reason: `run:${ctx.runId}` }))
  log.info({ picked: inserted.length, queued: inserted.filter((r) => r.status === 'queued').length, forwarded: hops.length }, 'apply: picked')
  return { output: { user_id: userId, picked: inserted.length, queued: inserted.filter((r) => r.status === 'queued').length, forwarded: hops.length }, hops }
}
