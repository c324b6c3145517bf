import type { Sql, Tx } from '#shared/db/create-sql.ts'
import type { JobFeatures } from './job-features.ts'
import { scoreJobForUser } from './score-job-for-user.ts'
import type { KeptPairs } from './select-scores-to-keep.ts'
import type { UserFeatures } from './user-features.ts'
import type { Weights } from './weights.ts'

/** Rows per INSERT: large enough to amortise round trips, small enough to keep each statement's arrays modest. */
const ROWS_PER_STATEMENT = 4_000

/**
 * Upserts the kept pairs into fit_scores with their components and explanation. Explanations are
 * built here, only for pairs that are stored (screening computed the bare score). Upserts keyed
 * on (user_id, job_id) make a retried run rewrite the same rows.
 */
export async function storeFitScores(
  sql: Sql | Tx,
  kept: KeptPairs,
  users: readonly UserFeatures[],
  jobs: readonly JobFeatures[],
  weightsOf: (user: number) => Weights,
  weightsVersion: number,
): Promise<number> {
  for (let start = 0; start < kept.users.length; start += ROWS_PER_STATEMENT) {
    const end = Math.min(kept.users.length, start + ROWS_PER_STATEMENT)
    const userIds: string[] = []
    const jobIds: string[] = []
    const scores: number[] = []
    const components: string[] = []
    const explanations: string[] = []
    for (let k = start; k < end; k++) {
      const u = kept.users[k] as number
      const user = users[u] as UserFeatures
      const job = jobs[kept.jobs[k] as number] as JobFeatures
      const result = scoreJobForUser(user, job, weightsOf(u))
      userIds.push(user.user_id)
      jobIds.push(job.job_id)
      scores.push(result.score)
      components.push(JSON.stringify(result.components))
      explanations.push(JSON.stringify(result.explanation))
    }
    await sql`
      INSERT INTO fit_scores (user_id, job_id, score, components, explanation, weights_version)
      SELECT u.user_id, u.job_id, u.score, u.components, u.explanation, ${weightsVersion}::int
        FROM unnest(${userIds}::uuid[], ${jobIds}::bigint[], ${scores}::smallint[], ${components}::jsonb[], ${explanations}::jsonb[])
             AS u(user_id, job_id, score, components, explanation)
      ON CONFLICT (user_id, job_id) DO UPDATE
        SET score = EXCLUDED.score, components = EXCLUDED.components, explanation = EXCLUDED.explanation,
            weights_version = EXCLUDED.weights_version, scored_at = now()`
  }
  return kept.users.length
}

/**
 * Bounded storage across runs: each run adds its best N per user, so without this a user's
 * below-floor rows would grow every evening. Keeps, per user, every score at or above the floor
 * and the best N overall; deletes the rest.
 */
export async function pruneBelowFloor(sql: Sql, userIds: readonly string[], floor: number, topN: number): Promise<number> {
  if (userIds.length === 0) return 0
  const deleted = await sql`
    DELETE FROM fit_scores f
     USING (SELECT user_id, job_id, row_number() OVER (PARTITION BY user_id ORDER BY score DESC, job_id) AS rank
              FROM fit_scores WHERE user_id = ANY (${userIds as string[]}::uuid[])) ranked
     WHERE f.user_id = ranked.user_id AND f.job_id = ranked.job_id AND ranked.rank > ${topN} AND f.score < ${floor}`
  return deleted.count
}
