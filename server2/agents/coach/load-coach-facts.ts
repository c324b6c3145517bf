import type { Sql } from '#shared/db/create-sql.ts'
import type { CoachFacts } from './compose-coach-message.ts'

/** A match worth a morning mention: a strong score (the explanation's "Good match" and up). */
const MATCH_MIN_SCORE = 60
const STREAK_LOOKBACK_DAYS = 60

/** Reads one user's coaching facts: new matches, pending approvals, top skill gap, quota and streak. */
export async function loadCoachFacts(sql: Sql, userId: string): Promise<CoachFacts | null> {
  const [user] = await sql<{ full_name: string | null; quota: number; applies: number; skill: CoachFacts['skill'] | null }[]>`
    SELECT coalesce(u.full_name, r.profile #>> '{contact,full_name}') AS full_name,
           p.weekly_apply_quota AS quota, u.applies_this_week AS applies,
           i.data -> 'gaps' -> 0 AS skill
      FROM users u
      JOIN plans p ON p.id = u.tier
      LEFT JOIN resumes r ON r.user_id = u.id AND r.is_active
      LEFT JOIN user_insights i ON i.user_id = u.id AND i.kind = 'skill_gap'
     WHERE u.id = ${userId}`
  if (!user) return null
  const matches = await sql<{ title: string; company: string; score: number }[]>`
    SELECT j.title, j.company, f.score FROM fit_scores f JOIN jobs j ON j.id = f.job_id
     WHERE f.user_id = ${userId} AND f.scored_at > now() - interval '24 hours' AND f.score >= ${MATCH_MIN_SCORE}
       AND j.duplicate_of IS NULL
       AND NOT EXISTS (SELECT 1 FROM job_applications a WHERE a.user_id = f.user_id AND a.job_id = f.job_id)
     ORDER BY f.score DESC, f.job_id
     LIMIT 10`
  const [pending] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM job_applications WHERE user_id = ${userId} AND auto_status = 'queued'`
  // Active days in IST; the streak counts back from today, or from yesterday when today has no activity yet.
  const days = await sql<{ day: string }[]>`
    SELECT DISTINCT (created_at AT TIME ZONE 'Asia/Kolkata')::date::text AS day FROM (
      SELECT created_at FROM job_applications WHERE user_id = ${userId} AND created_at > now() - make_interval(days => ${STREAK_LOOKBACK_DAYS})
      UNION ALL
      SELECT created_at FROM signals WHERE user_id = ${userId} AND kind IN ('manual_apply', 'auto_apply', 'approved', 'skipped')
         AND created_at > now() - make_interval(days => ${STREAK_LOOKBACK_DAYS})
    ) activity
    ORDER BY day DESC`
  const [today] = await sql<{ day: string }[]>`SELECT (now() AT TIME ZONE 'Asia/Kolkata')::date::text AS day`
  return {
    first_name: user.full_name?.trim().split(/\s+/)[0] ?? null,
    new_matches: matches,
    awaiting_approval: pending?.n ?? 0,
    skill: user.skill && typeof user.skill.name === 'string' ? user.skill : null,
    weekly_quota: user.quota,
    applies_this_week: user.applies,
    streak_days: streak(days.map((d) => d.day), today?.day ?? ''),
  }
}

/** Consecutive days in `daysDesc` (ISO dates, newest first) ending today or yesterday. */
export function streak(daysDesc: readonly string[], today: string): number {
  const dayMs = 86_400_000
  let expected = Date.parse(today)
  if (daysDesc[0] !== today) expected -= dayMs
  let count = 0
  for (const day of daysDesc) {
    if (Date.parse(day) !== expected) break
    count++
    expected -= dayMs
  }
  return count
}
