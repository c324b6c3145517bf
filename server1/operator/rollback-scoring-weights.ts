import { t } from 'elysia'
import type { Sql } from '#shared/db/create-sql.ts'
import { conflict, notFound } from '#shared/http/http-error.ts'
import { markScoredUsersStale } from '#shared/scoring/mark-scored-users-stale.ts'

export const RollbackRequest = t.Object({
  to_version: t.Integer({ minimum: 1, description: 'an earlier version to make active again (GET /api/admin/scoring-weights)' }),
})
export type RollbackRequest = typeof RollbackRequest.static

export const RollbackResult = t.Object({
  active: t.Integer(),
  /** the version that was active before; null when to_version already was (a repeated request changes nothing) */
  rolled_back: t.Union([t.Integer(), t.Null()]),
  /** users whose scores were made with the replaced weights: fit scoring rescans them */
  stale_users: t.Integer(),
})
export type RollbackResult = typeof RollbackResult.static

/**
 * Makes an earlier version of the global scoring weights active again (after a calibration that
 * made matches worse). The active version is marked rolled back; every scored user goes stale so
 * the next fit-scoring cycle rescans them with the restored weights. The target is named, not
 * "the previous one", so a repeated request is a no-op instead of a second step back.
 */
export async function rollbackScoringWeights(sql: Sql, { to_version: target }: RollbackRequest): Promise<RollbackResult> {
  return sql.begin(async (tx) => {
    // every row locked (a handful): a concurrent rollback or calibration waits, then sees this one's result
    const versions = await tx<{ version: number; is_active: boolean }[]>`SELECT version, is_active FROM scoring_weights FOR UPDATE`
    const current = versions.find((v) => v.is_active)
    if (!versions.some((v) => v.version === target)) throw notFound(`scoring weights version ${target} does not exist`)
    if (current?.version === target) return { active: target, rolled_back: null, stale_users: 0 }
    if (current && target > current.version) {
      throw conflict(`version ${target} is newer than the active version ${current.version}: a rollback goes back to an earlier version`)
    }
    if (current) await tx`UPDATE scoring_weights SET is_active = FALSE, rolled_back_at = now() WHERE version = ${current.version}`
    await tx`UPDATE scoring_weights SET is_active = TRUE, activated_at = now() WHERE version = ${target}`
    const staleUsers = await markScoredUsersStale(tx)
    return { active: target, rolled_back: current?.version ?? null, stale_users: staleUsers }
  })
}
