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

const NEEDS_ESCAPE = /[\\\t\n\r]/

/** COPY text format: backslash is the escape character (JSON's own escapes must survive). */
function copyText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value
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

/** COPY streams a delta run writes in parallel: Postgres's side of the COPY (jsonb, two indexes, foreign keys) is most of the cost. */
const COPY_STREAMS = 2

/**
 * `copyFitScores` over COPY_STREAMS connections at once, each its own transaction holding a
 * contiguous slice of the kept pairs (by user, so the streams fill different parts of the
 * primary key). Not atomic as a whole: the caller deletes what it replaces first, so a failed
 * run leaves some of its new jobs scored and its retry deletes and writes them again.
 */
export async function copyFitScoresParallel(
  sql: Sql,
  kept: KeptPairs,
  users: readonly UserFeatures[],
  jobs: readonly JobFeatures[],
  weightsOf: (user: number) => Weights,
  weightsVersion: number,
): Promise<number> {
  const total = kept.users.length
  const per = Math.ceil(total / COPY_STREAMS)
  const slices: KeptPairs[] = []
  for (let start = 0; start < total; start += per) {
    const end = Math.min(total, start + per)
    slices.push({ users: kept.users.subarray(start, end), jobs: kept.jobs.subarray(start, end), scores: kept.scores.subarray(start, end) })
  }
  const counts = await Promise.all(slices.map((slice) => sql.begin((tx) => copyFitScores(tx, slice, users, jobs, weightsOf, weightsVersion))))
  return counts.reduce((sum, n) => sum + n, 0)
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
