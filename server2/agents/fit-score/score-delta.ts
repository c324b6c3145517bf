import type { Sql } from '#shared/db/create-sql.ts'
import { getSkill } from '../skills/find-skills.ts'
import { BatchScorer } from './batch-scorer.ts'
import { buildCandidateIndex, candidateUsersForJob } from './candidate-index.ts'
import { effectiveWeights } from './effective-weights.ts'
import { buildJobFeatureSet } from './job-features.ts'
import { forEachActiveUser, loadActiveWeights, loadRunJobs } from './scoring-inputs.ts'
import { fitScore } from './score-job-for-user.ts'
import { type KeepPolicy, ScoreKeeper } from './select-scores-to-keep.ts'
import { copyFitScores, pruneBelowFloor } from './store-fit-scores.ts'
import { buildUserFeatures, type UserFeatures } from './user-features.ts'
import type { Weights } from './weights.ts'

export interface ScoringStats {
  jobs: number
  users: number
  /** users × jobs: what a naive scorer would compute */
  pairs_considered: number
  /** candidate pairs actually scored */
  pairs_scored: number
  /** rows written to fit_scores */
  pairs_stored: number
  /** below-floor rows beyond each user's top N removed */
  pruned: number
}

export const skillName = (id: string): string | undefined => getSkill(id)?.name

/**
 * Delta scoring: the run's new jobs against every active user. Candidate generation (an inverted
 * index over users' skills and role terms) limits scoring to pairs that share something; the
 * batch scorer screens them with the global weights, users with a Layer 2 calibration are
 * rescored with their own weights, and the keeper retains the floor + top-N pairs, which alone get
 * an explanation and a row.
 */
export async function scoreDelta(sql: Sql, scrapeRunId: number, policy: KeepPolicy): Promise<ScoringStats> {
  const jobInputs = await loadRunJobs(sql, scrapeRunId)
  const stats: ScoringStats = { jobs: jobInputs.length, users: 0, pairs_considered: 0, pairs_scored: 0, pairs_stored: 0, pruned: 0 }
  if (jobInputs.length === 0) return stats
  const { version, weights: global } = await loadActiveWeights(sql)
  const { space, jobs } = buildJobFeatureSet(jobInputs, { skillName })

  const users: UserFeatures[] = []
  const personal: (Weights | undefined)[] = []
  await forEachActiveUser(sql, (batch) => {
    for (const { input, offsets } of batch) {
      users.push(buildUserFeatures(space, input))
      personal.push(offsets === null ? undefined : effectiveWeights(global, offsets))
    }
  })
  stats.users = users.length
  stats.pairs_considered = users.length * jobs.length
  if (users.length === 0) return stats

  const index = buildCandidateIndex(users)
  const scorer = new BatchScorer(space)
  const keeper = new ScoreKeeper(users.length, policy)
  const screened = new Uint8Array(users.length)
  jobs.forEach((job, j) => {
    const candidates = candidateUsersForJob(index, job)
    stats.pairs_scored += candidates.length
    scorer.scoreUsers(job, users, candidates, global, screened)
    for (let k = 0; k < candidates.length; k++) {
      const u = candidates[k] as number
      const own = personal[u]
      keeper.offer(u, j, own === undefined ? (screened[k] as number) : fitScore(users[u] as UserFeatures, job, own))
    }
  })

  const kept = keeper.kept()
  const weightsOf = (u: number): Weights => personal[u] ?? global
  const jobIds = jobs.map((job) => job.job_id)
  stats.pairs_stored = await sql.begin(async (tx) => {
    // a retried run replaces what an earlier attempt stored for these (new) jobs
    await tx`DELETE FROM fit_scores WHERE job_id = ANY (${jobIds}::bigint[])`
    return copyFitScores(tx, kept, users, jobs, weightsOf, version)
  })
  const touched = [...new Set(kept.users)].map((u) => (users[u] as UserFeatures).user_id)
  stats.pruned = await pruneBelowFloor(sql, touched, policy.floor, policy.topN)
  return stats
}
