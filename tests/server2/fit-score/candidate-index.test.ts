import { describe, expect, test } from 'bun:test'
import {
  buildCandidateIndex,
  buildJobCandidateIndex,
  candidateJobsForUser,
  candidateUsersForJob,
} from '../../../server2/agents/fit-score/candidate-index.ts'
import type { FeatureSpaceOptions } from '../../../server2/agents/fit-score/feature-space.ts'
import { buildJobFeatureSet } from '../../../server2/agents/fit-score/job-features.ts'
import type { JobInput } from '../../../server2/agents/fit-score/job-features.ts'
import { fitScore } from '../../../server2/agents/fit-score/score-job-for-user.ts'
import { buildUserFeatures } from '../../../server2/agents/fit-score/user-features.ts'
import type { UserInput } from '../../../server2/agents/fit-score/user-features.ts'
import { DEFAULT_WEIGHTS } from '../../../server2/agents/fit-score/weights.ts'
import { JOBS, USERS, posting, profile } from './fixtures.ts'
import { syntheticMarket } from './synthetic.ts'

const FLOOR = 40

/** What the skills taxonomy says of the soft skills and languages in the fixtures. */
const CATEGORIES: Record<string, string> = { communication: 'soft_skill', negotiation: 'soft_skill', english: 'language', hindi: 'language' }
const WITH_CATEGORIES: FeatureSpaceOptions = { skillCategory: (id) => CATEGORIES[id] }

/** Scores every pair and checks candidate generation in both directions against it. */
function audit(name: string, userInputs: readonly UserInput[], jobInputs: readonly JobInput[], options: FeatureSpaceOptions = {}) {
  const { space, jobs } = buildJobFeatureSet(jobInputs, options)
  const users = userInputs.map((u) => buildUserFeatures(space, u))
  const userIndex = buildCandidateIndex(users)
  const jobIndex = buildJobCandidateIndex(jobs)
  const byJob = jobs.map((job) => new Set(candidateUsersForJob(userIndex, job)))
  const byUser = users.map((user) => new Set(candidateJobsForUser(jobIndex, user)))
  let considered = 0
  let aboveFloor = 0
  let dropped = 0
  let asymmetric = 0
  jobs.forEach((job, j) => {
    const candidates = byJob[j] as Set<number>
    considered += candidates.size
    users.forEach((user, u) => {
      if (candidates.has(u) !== (byUser[u] as Set<number>).has(j)) asymmetric++
      if (fitScore(user, job, DEFAULT_WEIGHTS) < FLOOR) return
      aboveFloor++
      if (!candidates.has(u)) dropped++
    })
  })
  const all = users.length * jobs.length
  console.log(
    `candidates ${name}: ${considered} of ${all} pairs considered (${((100 * considered) / all).toFixed(1)}%), ` +
      `${aboveFloor} pairs score ≥ ${FLOOR}, ${dropped} of them dropped`,
  )
  return { considered, all, aboveFloor, dropped, asymmetric }
}

describe('candidate generation', () => {
  test('hand-made set: never drops a pair scoring ≥ 40', () => {
    const result = audit('fixtures', Object.values(USERS), JOBS)
    expect(result.aboveFloor).toBeGreaterThan(20)
    expect(result.dropped).toBe(0)
    expect(result.asymmetric).toBe(0)
    expect(result.considered).toBeLessThan(result.all)
  })

  test('synthetic market (1,000 users × 400 jobs): prunes most pairs and drops none scoring ≥ 40', () => {
    const { users, jobs } = syntheticMarket(1000, 400)
    const result = audit('synthetic', users, jobs)
    expect(result.dropped).toBe(0)
    expect(result.asymmetric).toBe(0)
    expect(result.considered / result.all).toBeLessThan(0.35)
  }, 60_000)

  test('with taxonomy categories, soft skills and languages stop retrieving candidates: fewer pairs, none ≥ 40 dropped', () => {
    const { users, jobs } = syntheticMarket(1000, 400)
    const plain = audit('synthetic, no categories', users, jobs)
    const categorised = audit('synthetic, soft skills not indexed', users, jobs, WITH_CATEGORIES)
    expect(categorised.dropped).toBe(0)
    expect(categorised.asymmetric).toBe(0)
    expect(categorised.considered).toBeLessThan(plain.considered)
    const fixtures = audit('fixtures, soft skills not indexed', Object.values(USERS), JOBS, WITH_CATEGORIES)
    expect(fixtures.dropped).toBe(0)
  }, 60_000)

  test('a user with nothing to index is a candidate for every job, and a job with nothing to index for every user', () => {
    const blank = profile({ name: 'New User', location: 'Pune', summary: '', years: 0, roles: [], skills: [] })
    const { space, jobs } = buildJobFeatureSet([
      ...JOBS.slice(0, 3),
      posting('x', 'Associate', 'Somewhere', { req: [], loc: ['Pune'], text: 'General work.' }),
    ])
    const users = [
      buildUserFeatures(space, USERS.priya),
      buildUserFeatures(space, { user_id: 'blank', profile: blank, target_roles: [], locations: [], expected_salary_inr: null }),
    ]
    const index = buildCandidateIndex(users)
    for (const job of jobs.slice(0, 3)) expect([...candidateUsersForJob(index, job)]).toContain(1)
    expect([...candidateUsersForJob(index, jobs[3] as (typeof jobs)[number])]).toEqual([0, 1])
    expect([...candidateJobsForUser(buildJobCandidateIndex(jobs), users[1] as (typeof users)[number])]).toEqual([0, 1, 2, 3])
  })

  test('candidates come back ascending and without duplicates', () => {
    const { space, jobs } = buildJobFeatureSet(JOBS)
    const users = Object.values(USERS).map((u) => buildUserFeatures(space, u))
    const index = buildCandidateIndex(users)
    for (const job of jobs) {
      const candidates = [...candidateUsersForJob(index, job)]
      expect(candidates).toEqual([...new Set(candidates)].sort((a, b) => a - b))
    }
  })
})
