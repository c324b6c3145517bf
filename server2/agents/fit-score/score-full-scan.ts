import type { Sql } from '#shared/db/create-sql.ts'
import { buildJobCandidateIndex, candidateJobsForUser } from './candidate-index.ts'
import { effectiveWeights } from './effective-weights.ts'
import { currentJobFeatureSet } from './current-jobs.ts'
import type { JobFeatures } from './job-features.ts'
import { featureOptions, phaseClock, type ScoringStats } from './score-delta.ts'
import { fitScore } from './score-job-for-user.ts'
import { loadActiveUser, loadActiveWeights } from './scoring-inputs.ts'
import { type KeepPolicy, ScoreKeeper } from './select-scores-to-keep.ts'
import { lockFitScoresWrites } from './fit-scores-write-lock.ts'
import { copyFitScores } from './store-fit-scores.ts'
import { buildUserFeatures } from './user-features.ts'

/**
 * Full scan: one user (new or changed resume or target roles) against every current job. The
 * user's old scores were computed from what changed, so they are replaced in one transaction:
 * the dashboard sees the old set or the new one, never a mix.
 */
export async function scoreFullScan(sql: Sql, userId: string, policy: KeepPolicy, jobDays: number): Promise<ScoringStats> {
  const stats: ScoringStats = { jobs: 0, users: 0, pairs_considered: 0, pairs_scored: 0, pairs_stored: 0, pruned: 0, phase_ms: {} }
  const mark = phaseClock(stats)
  const user = await loadActiveUser(sql, userId)
  if (user === undefined) return stats
  // The current jobs' features come from their persisted extracts, cached per process (current-jobs.ts).
  const [{ version, weights: global }, { space, jobs }] = await Promise.all([loadActiveWeights(sql), currentJobFeatureSet(sql, jobDays, featureOptions)])
  mark('features')
  const features = buildUserFeatures(space, user.input)
  const weights = user.offsets === null ? global : effectiveWeights(global, user.offsets)
  stats.jobs = jobs.length
  stats.users = 1
  stats.pairs_considered = jobs.length

  const candidates = candidateJobsForUser(buildJobCandidateIndex(jobs), features)
  stats.pairs_scored = candidates.length
  const keeper = new ScoreKeeper(1, policy)
  for (const j of candidates) keeper.offer(0, j, fitScore(features, jobs[j] as JobFeatures, weights))
  mark('screen')

  await sql.begin(async (tx) => {
    await lockFitScoresWrites(tx)
    const removed = await tx`DELETE FROM fit_scores WHERE user_id = ${userId}`
    stats.pruned = removed.count
    stats.pairs_stored = await copyFitScores(tx, keeper.kept(), [features], jobs, () => weights, version)
  })
  mark('store')
  return stats
}
