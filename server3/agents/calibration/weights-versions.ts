import type { Sql, Tx } from '#shared/db/create-sql.ts'
import { readWeights, type WeightMap } from './component-vectors.ts'

export interface ActiveWeights {
  version: number
  weights: WeightMap
}

export async function activeWeights(db: Sql | Tx): Promise<ActiveWeights> {
  const [row] = await db<{ version: number; weights: unknown }[]>`
    SELECT version, weights FROM scoring_weights WHERE is_active`
  if (!row) throw new Error('no active scoring_weights row')
  return { version: row.version, weights: readWeights(row.weights) }
}

/**
 * Every user with stored scores was scored with the old weights: fit scoring rescans them. An
 * already-stale user keeps the earlier since-time (their rescan is already overdue).
 */
export async function markScoredUsersStale(tx: Tx, userIds?: string[]): Promise<number> {
  const rows = userIds
    ? await tx`
        UPDATE users SET fit_scores_stale = TRUE, fit_scores_stale_since = coalesce(fit_scores_stale_since, now()), updated_at = now()
         WHERE id = ANY (${userIds}::uuid[]) RETURNING id`
    : await tx`
        UPDATE users u SET fit_scores_stale = TRUE, fit_scores_stale_since = coalesce(u.fit_scores_stale_since, now()), updated_at = now()
         WHERE EXISTS (SELECT 1 FROM fit_scores f WHERE f.user_id = u.id) RETURNING id`
  return rows.length
}

/** Writes and activates a new version that remembers the one it replaced (the rollback target). */
export async function activateNewWeights(
  tx: Tx,
  previous: ActiveWeights,
  weights: WeightMap,
  reason: string,
  sampleSize: number,
  metrics: Record<string, unknown>,
): Promise<number> {
  await tx`UPDATE scoring_weights SET is_active = FALSE WHERE version = ${previous.version} AND is_active`
  const [row] = await tx<{ version: number }[]>`
    INSERT INTO scoring_weights (weights, is_active, reason, previous_version, sample_size, metrics, activated_at)
    VALUES (${tx.json(weights)}, TRUE, ${reason}, ${previous.version}, ${sampleSize}, ${tx.json(metrics as never)}, now())
    RETURNING version`
  if (!row) throw new Error('scoring_weights insert returned nothing')
  return row.version
}

export type RollbackResult = { rolledBack: number; active: number; staleUsers: number } | { error: string }

/**
 * Undoes the active version: it is deactivated (and marked rolled back, so it is never picked
 * again) and the version it replaced becomes active. Scores made with it are now stale.
 */
export async function rollbackScoringWeights(sql: Sql): Promise<RollbackResult> {
  return sql.begin(async (tx) => {
    const [current] = await tx<{ version: number; previous_version: number | null }[]>`
      SELECT version, previous_version FROM scoring_weights WHERE is_active FOR UPDATE`
    if (!current) return { error: 'no active scoring weights' }
    if (current.previous_version === null) return { error: `version ${current.version} has no previous version to roll back to` }
    await tx`UPDATE scoring_weights SET is_active = FALSE, rolled_back_at = now() WHERE version = ${current.version}`
    await tx`UPDATE scoring_weights SET is_active = TRUE, activated_at = now() WHERE version = ${current.previous_version}`
    const staleUsers = await markScoredUsersStale(tx)
    return { rolledBack: current.version, active: current.previous_version, staleUsers }
  })
}
