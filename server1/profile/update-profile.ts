import { t } from 'elysia'
import type { Sql } from '#shared/db/create-sql.ts'
import { unprocessable } from '#shared/http/http-error.ts'
import { cleanList, cleanText } from './clean-list.ts'
import { loadProfile, type Profile } from './profile.ts'
import { effectivePlanId } from '../user-api/effective-plan.ts'

const DAY_MS = 24 * 60 * 60 * 1000

export const ProfilePatch = t.Object({
  full_name: t.Optional(t.String({ minLength: 1, maxLength: 120 })),
  locations: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 80 }), { maxItems: 10 })),
  expected_salary_inr: t.Optional(t.Union([t.Integer({ minimum: 0, maximum: 100_000_000 }), t.Null()])),
  wa_alerts_enabled: t.Optional(t.Boolean()),
  auto_apply: t.Optional(
    t.Object(
      {
        enabled: t.Optional(t.Boolean()),
        min_score: t.Optional(t.Integer({ minimum: 0, maximum: 100 })),
        review_mode_days: t.Optional(
          t.Integer({ minimum: 0, maximum: 90, description: 'review queued applies for this many days; 0 switches review off' }),
        ),
      },
      // Elysia turns a non-object here (a string, a number, null) into {}: without this, a patch
      // with a malformed auto_apply would be accepted and its other fields applied
      { minProperties: 1 },
    ),
  ),
})
export type ProfilePatch = typeof ProfilePatch.static

/**
 * Applies the fields present in the patch. Locations and salary feed the fit score, so a change
 * to either flags scores stale, like a change of target roles.
 */
export async function updateProfile(sql: Sql, userId: string, patch: ProfilePatch): Promise<Profile> {
  const changes: Record<string, string | string[] | number | boolean | Date | null> = {}
  if (patch.full_name !== undefined) changes.full_name = cleanText(patch.full_name, 'full_name')
  if (patch.locations !== undefined) changes.locations = cleanList(patch.locations, 'locations')
  if (patch.expected_salary_inr !== undefined) changes.expected_salary_inr = patch.expected_salary_inr
  if (patch.wa_alerts_enabled !== undefined) changes.wa_alerts_enabled = patch.wa_alerts_enabled
  const autoApply = patch.auto_apply ?? {}
  if (autoApply.enabled !== undefined) changes.auto_apply_enabled = autoApply.enabled
  if (autoApply.min_score !== undefined) changes.auto_apply_min_score = autoApply.min_score
  if (autoApply.review_mode_days !== undefined) {
    changes.review_mode_until = autoApply.review_mode_days === 0 ? null : new Date(Date.now() + autoApply.review_mode_days * DAY_MS)
  }
  if (Object.keys(changes).length === 0) throw unprocessable('the patch changes nothing: send at least one field', 'body')

  await sql.begin(async (tx) => {
    const [current] = await tx<{ locations: string[]; expected_salary_inr: number | null; review_mode_forced: boolean }[]>`
      SELECT u.locations, u.expected_salary_inr, p.review_mode_forced
        FROM users u JOIN plans p ON p.id = ${effectivePlanId(tx)} WHERE u.id = ${userId} FOR UPDATE OF u`
    if (!current) throw new Error(`user ${userId} vanished`)
    if (autoApply.review_mode_days === 0 && current.review_mode_forced) {
      throw unprocessable('your plan reviews every auto-apply; review mode cannot be switched off', 'auto_apply.review_mode_days')
    }
    const rescore =
      ('locations' in changes && JSON.stringify(changes.locations) !== JSON.stringify(current.locations)) ||
      ('expected_salary_inr' in changes && changes.expected_salary_inr !== current.expected_salary_inr)
    await tx`UPDATE users SET ${tx(changes)}, updated_at = now() WHERE id = ${userId}`
    if (rescore) await tx`UPDATE users SET fit_scores_stale = TRUE, fit_scores_stale_since = now() WHERE id = ${userId}`
  })
  return loadProfile(sql, userId)
}
