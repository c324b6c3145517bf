import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import type { Sql, Tx } from '#shared/db/create-sql.ts'
import type { JobFeatures } from './job-features.ts'
import { scoreJobForUser } from './score-job-for-user.ts'
import type { KeptPairs } from './select-scores-to-keep.ts'
import type { UserFeatures } from './user-features.ts'
import type { Weights } from './weights.ts'

/** Rows rendered per write: big enough to amortise stream overhead, small enough to overlap with Postgres. */
const ROWS_PER_WRITE = 2_000

/** COPY text format: backslash is the escape character (JSON's own escapes must survive). */
function copyText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
}

/**
 * Writes the kept pairs into fit_scores with their components and explanation, by COPY: a delta
 * run stores hundreds of thousands of rows, several times faster than INSERTs. Explanations are
 * built here, only for pairs that are stored (screening computed the bare score), a chunk at a
 * time while Postgres ingests the previous one. COPY cannot upsert, so the caller deletes the
 * rows it is about to replace in the same transaction (that is what makes a retried run safe).
 */
export async function copyFitScores(
  tx: Tx,
  kept: KeptPairs,
  users: readonly UserFeatures[],
  jobs: readonly JobFeatures[],
  weightsOf: (user: number) => Weights,
  weightsVersion: number,
): Promise<number> {
  if (kept.users.length === 0) return 0
  const stream = await tx`
    COPY fit_scores (user_id, job_id, score, components, explanation, weights_version) FROM STDIN`.writable()
  for (let start = 0; start < kept.users.length; start += ROWS_PER_WRITE) {
    const end = Math.min(kept.users.length, start + ROWS_PER_WRITE)
    let chunk = ''
    for (let k = start; k < end; k++) {
      const u = kept.users[k] as number
      const user = users[u] as UserFeatures
      const job = jobs[kept.jobs[k] as number] as JobFeatures
      const result = scoreJobForUser(user, job, weightsOf(u))
      chunk += `${user.user_id}\t${job.job_id}\t${result.score}\t${copyText(JSON.stringify(result.components))}\t${copyText(JSON.stringify(result.explanation))}\t${weightsVersion}\n`
    }
    if (!stream.write(chunk)) await once(stream, 'drain')
  }
  stream.end()
  await finished(stream)
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
              FROM fit_scores
             WHERE user_id IN (
                   -- only users who can have something to prune: more than N rows, some below the floor
                   SELECT user_id FROM fit_scores WHERE user_id = ANY (${userIds as string[]}::uuid[])
                    GROUP BY user_id HAVING count(*) > ${topN} AND min(score) < ${floor})) ranked
     WHERE f.user_id = ranked.user_id AND f.job_id = ranked.job_id AND ranked.rank > ${topN} AND f.score < ${floor}`
  return deleted.count
}
