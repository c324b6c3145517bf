import { t } from 'elysia'
import type { Sql } from '#shared/db/create-sql.ts'
import { cleanList } from './clean-list.ts'

export const RolesBody = t.Object({
  roles: t.Array(t.String({ minLength: 1, maxLength: 80 }), { minItems: 1, maxItems: 10 }),
})

export const RolesResult = t.Object({
  target_roles: t.Array(t.String()),
  changed: t.Boolean({ description: 'false when the cleaned list equals the stored one (nothing was written)' }),
  fit_scores_stale: t.Boolean(),
})
export type RolesResult = typeof RolesResult.static

/**
 * Stores the cleaned target roles and flags fit scores stale, so the next scoring cycle runs a
 * full scan for this user. The same list again writes nothing: no needless rescoring.
 */
export async function updateTargetRoles(sql: Sql, userId: string, roles: readonly string[]): Promise<RolesResult> {
  const targetRoles = cleanList(roles, 'roles')
  const [updated] = await sql<{ target_roles: string[]; fit_scores_stale: boolean }[]>`
    UPDATE users SET target_roles = ${targetRoles}, fit_scores_stale = TRUE, fit_scores_stale_since = now(), updated_at = now()
     WHERE id = ${userId} AND target_roles IS DISTINCT FROM ${targetRoles}::text[]
     RETURNING target_roles, fit_scores_stale`
  if (updated) return { ...updated, changed: true }
  const [current] = await sql<{ target_roles: string[]; fit_scores_stale: boolean }[]>`
    SELECT target_roles, fit_scores_stale FROM users WHERE id = ${userId}`
  if (!current) throw new Error(`user ${userId} vanished`)
  return { ...current, changed: false }
}
