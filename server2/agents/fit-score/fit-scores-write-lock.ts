import type { Sql, Tx } from '#shared/db/create-sql.ts'

/**
 * fit_scores is written by COPY, which cannot upsert: a full scan (delete the user's rows, copy)
 * and a delta run (delete the run's jobs' rows, copy) racing on one (user, job) pair would
 * collide on the primary key. Every writer takes this lock, so they take turns.
 */
const FIT_SCORES_WRITE_LOCK = 7_451_220_010

/** Held for a whole delta store phase, whose COPY streams run on other connections. */
export async function withFitScoresWriteLock<T>(sql: Sql, work: () => Promise<T>): Promise<T> {
  const holder = await sql.reserve()
  try {
    await holder`SELECT pg_advisory_lock(${FIT_SCORES_WRITE_LOCK})`
    try {
      return await work()
    } finally {
      await holder`SELECT pg_advisory_unlock(${FIT_SCORES_WRITE_LOCK})`
    }
  } finally {
    holder.release()
  }
}

/** Inside a transaction that writes fit_scores: released at commit or rollback. */
export async function lockFitScoresWrites(tx: Tx) {
  await tx`SELECT pg_advisory_xact_lock(${FIT_SCORES_WRITE_LOCK})`
}
