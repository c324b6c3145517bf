import type { Sql } from '#shared/db/create-sql.ts'
import { getSkill } from '../skills/find-skills.ts'
import { BatchScorer } from './batch-scorer.ts'
import { buildCandidateIndex, candidateUsersForJob } from './candidate-index.ts'
import { effectiveWeights } from './effective-weights.ts'
import { persistJobExtracts } from './current-jobs.ts'
import { assembleJobFeatureSet, extractJobs } from './job-features.ts'
import { forEachActiveUser, loadActiveWeights, loadRunJobs } from './scoring-inputs.ts'
import { type KeepPolicy, ScoreKeeper } from './select-scores-to-keep.ts'
import { withFitScoresWriteLock } from './fit-scores-write-lock.ts'
import { copyFitScoresParallel, pruneBelowFloor } from './store-fit-scores.ts'
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
  /** wall time of each phase, for the run log and the bench */
  phase_ms: Record<string, number>
}

/** Records how long each phase took since the previous mark. */
export function phaseClock(stats: ScoringStats): (phase: string) => void {
  let last = performance.now()
  return (phase) => {
    const now = performance.now()
    stats.phase_ms[phase] = Math.round(now - last)
    last = now
  }
}

/** The taxonomy's display names and categories (soft skills weigh less) for every feature space Server 2 builds. */
export const featureOptions = {
  skillName: (id: string): string | undefined => getSkill(id)?.name,
  skillCategory: (id: string): string | undefined => getSkill(id)?.category,
}

/**
 * Delta scoring: the run's new jobs against every active user. Candidate generation (an inverted
 * index over users' skills and role terms) limits scoring to pairs that share something; the
 * batch scorer screens them, each user with their own effective weights (Layer 3 + their Layer 2
 * offsets), and the keeper retains the floor + top-N pairs, which alone get an explanation and a row.
 */
export async function scoreDelta(sql: Sql, scrapeRunId: number, policy: KeepPolicy): Promise<ScoringStats> {
  const stats: ScoringStats = { jobs: 0, users: 0, pairs_considered: 0, pairs_scored: 0, pairs_stored: 0, pruned: 0, phase_ms: {} }
  const mark = phaseClock(stats)
  const jobInputs = await loadRunJobs(sql, scrapeRunId)
  stats.jobs = jobInputs.length
  if (jobInputs.length === 0) return stats
  const { version, weights: global } = await loadActiveWeights(sql)
  const extracted = extractJobs(jobInputs, featureOptions)
  // Persisted for full scans, which assemble the current jobs from these rather than from text.
  await persistJobExtracts(sql, extracted)
  const { space, jobs } = assembleJobFeatureSet(extracted, featureOptions)
  mark('jobs')

  const users: UserFeatures[] = []
  const weights: Weights[] = []
  await forEachActiveUser(sql, (batch) => {
    for (const { input, offsets } of batch) {
      users.push(buildUserFeatures(space, input))
      weights.push(offsets === null ? global : effectiveWeights(global, offsets))
    }
  })
  mark('users')
  stats.users = users.length
  stats.pairs_considered = users.length * jobs.length
  if (users.length === 0) return stats

  const index = buildCandidateIndex(users)
  mark('index')
  const scorer = new BatchScorer(space)
  const keeper = new ScoreKeeper(users.length, policy)
  const screened = new Uint8Array(users.length)
  jobs.forEach((job, j) => {
    const candidates = candidateUsersForJob(index, job)
    stats.pairs_scored += candidates.length
    scorer.scoreUsers(job, users, candidates, weights, screened)
    for (let k = 0; k < candidates.length; k++) keeper.offer(candidates[k] as number, j, screened[k] as number)
  })

  const kept = keeper.kept()
  mark('screen')
  const weightsOf = (u: number): Weights => weights[u] as Weights
  const jobIds = jobs.map((job) => job.job_id)
  stats.pairs_stored = await withFitScoresWriteLock(sql, async () => {
    // a retried run replaces what an earlier attempt stored for these (new) jobs
    await sql`DELETE FROM fit_scores WHERE job_id = ANY (${jobIds}::bigint[])`
    return copyFitScoresParallel(sql, kept, users, jobs, weightsOf, version)
  })
  mark('store')
  const touched = [...new Set(kept.users)].map((u) => (users[u] as UserFeatures).user_id)
  stats.pruned = await pruneBelowFloor(sql, touched, policy.floor, policy.topN)
  mark('prune')
  return stats
}
