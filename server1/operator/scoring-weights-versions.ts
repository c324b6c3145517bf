import { t } from 'elysia'
import type { Sql } from '#shared/db/create-sql.ts'

export const ScoringWeightsVersion = t.Object({
  version: t.Integer(),
  is_active: t.Boolean(),
  reason: t.String(),
  /** the version this one replaced: the usual rollback target */
  previous_version: t.Union([t.Integer(), t.Null()]),
  sample_size: t.Integer(),
  weights: t.Record(t.String(), t.Number()),
  created_at: t.Date(),
  activated_at: t.Union([t.Date(), t.Null()]),
  rolled_back_at: t.Union([t.Date(), t.Null()]),
})
export type ScoringWeightsVersion = typeof ScoringWeightsVersion.static

/** Every version of the global fit-scoring weights, newest first: what an operator can roll back to. */
export function listScoringWeightsVersions(sql: Sql): Promise<ScoringWeightsVersion[]> {
  return sql<ScoringWeightsVersion[]>`
    SELECT version, is_active, reason, previous_version, sample_size, weights, created_at, activated_at, rolled_back_at
      FROM scoring_weights ORDER BY version DESC`
}
