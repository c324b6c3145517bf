import { t } from 'elysia'
import type { Sql } from '#shared/db/create-sql.ts'
import { notFound } from '#shared/http/http-error.ts'
import { effectivePlanId } from '../user-api/effective-plan.ts'

export const Profile = t.Object({
  id: t.String({ format: 'uuid' }),
  email: t.Union([t.String(), t.Null()]),
  full_name: t.Union([t.String(), t.Null()]),
  tier: t.String(),
  target_roles: t.Array(t.String()),
  locations: t.Array(t.String()),
  expected_salary_inr: t.Union([t.Integer(), t.Null()], { description: 'yearly, in rupees' }),
  auto_apply: t.Object({
    enabled: t.Boolean(),
    min_score: t.Integer(),
    review_mode: t.Boolean({ description: 'queued applies wait for approve/skip' }),
    review_mode_until: t.Union([t.Date(), t.Null()]),
    review_mode_forced: t.Boolean({ description: 'the plan always reviews; it cannot be switched off' }),
  }),
  phone_verified: t.Boolean(),
  wa_alerts_enabled: t.Boolean(),
  fit_scores_stale: t.Boolean(),
  dashboard_ready: t.Boolean(),
})
export type Profile = typeof Profile.static

type ProfileRow = Omit<Profile, 'auto_apply'> & {
  auto_apply_enabled: boolean
  auto_apply_min_score: number
  review_mode_until: Date | null
  review_mode_forced: boolean
}

export async function loadProfile(sql: Sql, userId: string): Promise<Profile> {
  const [row] = await sql<ProfileRow[]>`
    SELECT u.id, u.email, u.full_name, p.id AS tier, u.target_roles, u.locations, u.expected_salary_inr,
           u.auto_apply_enabled, u.auto_apply_min_score, u.review_mode_until, p.review_mode_forced,
           u.phone_verified, u.wa_alerts_enabled, u.fit_scores_stale, u.dashboard_ready
      FROM users u JOIN plans p ON p.id = ${effectivePlanId(sql)}
     WHERE u.id = ${userId}`
  if (!row) throw notFound('user not found')
  const { auto_apply_enabled, auto_apply_min_score, review_mode_until, review_mode_forced, ...rest } = row
  return {
    ...rest,
    auto_apply: {
      enabled: auto_apply_enabled,
      min_score: auto_apply_min_score,
      review_mode: review_mode_forced || (review_mode_until !== null && review_mode_until > new Date()),
      review_mode_until,
      review_mode_forced,
    },
  }
}
