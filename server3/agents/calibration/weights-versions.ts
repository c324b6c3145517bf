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
