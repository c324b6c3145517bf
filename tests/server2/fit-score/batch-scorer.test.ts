import { describe, expect, test } from 'bun:test'
import { BatchScorer } from '../../../server2/agents/fit-score/batch-scorer.ts'
import { buildCandidateIndex, candidateUsersForJob } from '../../../server2/agents/fit-score/candidate-index.ts'
import { effectiveWeights } from '../../../server2/agents/fit-score/effective-weights.ts'
import { buildJobFeatureSet } from '../../../server2/agents/fit-score/job-features.ts'
import { fitScore, scoreJobForUser } from '../../../server2/agents/fit-score/score-job-for-user.ts'
import { buildUserFeatures } from '../../../server2/agents/fit-score/user-features.ts'
import { DEFAULT_WEIGHTS } from '../../../server2/agents/fit-score/weights.ts'
import { JOBS, USERS } from './fixtures.ts'
import { syntheticMarket } from './synthetic.ts'

describe('batch scorer', () => {
  test('scores exactly what the pairwise scorer does, on every pair of a synthetic market', () => {
    const market = syntheticMarket(400, 150, 7)
    const { space, jobs } = buildJobFeatureSet([...JOBS, ...market.jobs])
    const users = [...Object.values(USERS), ...market.users].map((u) => buildUserFeatures(space, u))
    const scorer = new BatchScorer(space)
    const all = Uint32Array.from(users, (_, i) => i)
    const out = new Uint8Array(users.length)
    const weights = effectiveWeights(DEFAULT_WEIGHTS, { location: 0.07, text: -0.03 })
    let compared = 0
    for (const job of jobs) {
      scorer.scoreUsers(job, users, all, weights, out)
      users.forEach((user, u) => {
        if (out[u] !== fitScore(user, job, weights)) throw new Error(`${user.user_id} × ${job.job_id}: ${out[u]} ≠ ${fitScore(user, job, weights)}`)
        compared++
      })
    }
    expect(compared).toBe(users.length * jobs.length)
  }, 60_000)

  test('scores only the given positions, in their order', () => {
    const { space, jobs } = buildJobFeatureSet(JOBS)
    const users = Object.values(USERS).map((u) => buildUserFeatures(space, u))
    const index = buildCandidateIndex(users)
    const job = jobs[0] as (typeof jobs)[number]
    const positions = candidateUsersForJob(index, job)
    const out = new Uint8Array(positions.length)
    new BatchScorer(space).scoreUsers(job, users, positions, DEFAULT_WEIGHTS, out)
    expect([...out]).toEqual([...positions].map((u) => scoreJobForUser(users[u] as (typeof users)[number], job, DEFAULT_WEIGHTS).score))
  })

  test('takes per-user effective weights', () => {
    const { space, jobs } = buildJobFeatureSet(JOBS)
    const users = Object.values(USERS).map((u) => buildUserFeatures(space, u))
    const perUser = users.map((_, i) => effectiveWeights(DEFAULT_WEIGHTS, { location: i % 2 === 0 ? 0.1 : -0.1, title: 0.05 * i }))
    const all = Uint32Array.from(users, (_, i) => i)
    const out = new Uint8Array(users.length)
    const scorer = new BatchScorer(space)
    for (const job of jobs) {
      scorer.scoreUsers(job, users, all, perUser, out)
      expect([...out]).toEqual(users.map((user, i) => fitScore(user, job, perUser[i] as (typeof perUser)[number])))
    }
  })

  test('refuses a job from another run', () => {
    const a = buildJobFeatureSet(JOBS)
    const b = buildJobFeatureSet(JOBS)
    expect(() => new BatchScorer(a.space).scoreUsers(b.jobs[0] as (typeof b.jobs)[number], [], new Uint32Array(0), DEFAULT_WEIGHTS, new Uint8Array(0))).toThrow(
      'another feature space',
    )
  })
})
