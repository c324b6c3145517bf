import type { Sql } from '#shared/db/create-sql.ts'
import { notFound } from '#shared/http/http-error.ts'
import type { Dashboard } from './dashboard.ts'
import { effectivePlanId } from '../user-api/effective-plan.ts'

const TOP_MATCHES = 10

type UserPlanRow = {
  dashboard_ready: boolean
  fit_scores_stale: boolean
  target_roles: string[]
  applies_this_week: number
  subscription_started_at: Date | null
  subscription_ends_at: Date | null
  downgrade_at_period_end: boolean
  plan_id: string
  plan_name: string
  weekly_apply_quota: number
  review_mode_forced: boolean
}

type MatchRow = Omit<Dashboard['top_matches'][number], 'job_id' | 'application'> & {
  job_id: string
  application_id: string | null
  application_status: string | null
  application_auto_status: string | null
}

/**
 * Everything the dashboard's first paint needs, in one round of parallel reads: the frontend
 * makes one call instead of seven. Plans and quotas come from the `plans` table.
 */
export async function loadDashboard(sql: Sql, userId: string): Promise<Dashboard> {
  const [users, resumes, matches, insights, statusCounts, unread] = await Promise.all([
    sql<UserPlanRow[]>`
      SELECT u.dashboard_ready, u.fit_scores_stale, u.target_roles, u.applies_this_week,
             u.subscription_started_at, u.subscription_ends_at, u.downgrade_at_period_end,
             p.id AS plan_id, p.name AS plan_name, p.weekly_apply_quota, p.review_mode_forced
        FROM users u JOIN plans p ON p.id = ${effectivePlanId(sql)} WHERE u.id = ${userId}`,
    sql<NonNullable<Dashboard['resume']>[]>`
      SELECT id, status, file_name, created_at, parsed_at FROM resumes WHERE user_id = ${userId} AND is_active`,
    sql<MatchRow[]>`
      SELECT f.job_id, j.title, j.company, j.location_text AS location, j.url, f.score, f.explanation, f.scored_at,
             a.id AS application_id, a.status AS application_status, a.auto_status AS application_auto_status
        FROM fit_scores f
        JOIN jobs j ON j.id = f.job_id AND j.duplicate_of IS NULL
        LEFT JOIN job_applications a ON a.user_id = f.user_id AND a.job_id = f.job_id
       WHERE f.user_id = ${userId}
       ORDER BY f.score DESC, f.scored_at DESC, f.job_id
       LIMIT ${TOP_MATCHES}`,
    sql<{ kind: string; data: Record<string, unknown>; updated_at: Date }[]>`
      SELECT kind, data, updated_at FROM user_insights WHERE user_id = ${userId} AND kind IN ('skill_gap', 'career_intel')`,
    sql<{ status: string; n: number; queued: number; this_week: number }[]>`
      SELECT status, count(*)::int AS n,
             count(*) FILTER (WHERE auto_status = 'queued')::int AS queued,
             count(*) FILTER (WHERE applied_at >= now() - interval '7 days')::int AS this_week
        FROM job_applications WHERE user_id = ${userId} GROUP BY status`,
    sql<{ n: number }[]>`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND status = 'unread'`,
  ])
  const user = users[0]
  if (!user) throw notFound('user not found')
  const insight = (kind: string) => {
    const row = insights.find((i) => i.kind === kind)
    return row ? { data: row.data, updated_at: row.updated_at } : null
  }
  const sum = (pick: (row: (typeof statusCounts)[number]) => number) => statusCounts.reduce((total, row) => total + pick(row), 0)
  return {
    dashboard_ready: user.dashboard_ready,
    fit_scores_stale: user.fit_scores_stale,
    target_roles: user.target_roles,
    resume: resumes[0] ?? null,
    top_matches: matches.map(({ application_id, application_status, application_auto_status, job_id, ...match }) => ({
      ...match,
      job_id: Number(job_id),
      application:
        application_id === null
          ? null
          : { id: Number(application_id), status: application_status ?? 'applied', auto_status: application_auto_status },
    })),
    skill_gaps: insight('skill_gap'),
    career_intel: insight('career_intel'),
    applications: {
      total: sum((row) => row.n),
      by_status: Object.fromEntries(statusCounts.map((row) => [row.status, row.n])),
      queued_for_review: sum((row) => row.queued),
      applied_this_week: sum((row) => row.this_week),
    },
    plan: {
      id: user.plan_id,
      name: user.plan_name,
      weekly_apply_quota: user.weekly_apply_quota,
      quota_left: Math.max(0, user.weekly_apply_quota - user.applies_this_week),
      review_mode_forced: user.review_mode_forced,
      subscription_started_at: user.subscription_started_at,
      subscription_ends_at: user.subscription_ends_at,
      downgrade_at_period_end: user.downgrade_at_period_end,
    },
    unread_notifications: unread[0]?.n ?? 0,
  }
}
