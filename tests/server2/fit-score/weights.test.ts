import { describe, expect, test } from 'bun:test'
import { effectiveWeights } from '../../../server2/agents/fit-score/effective-weights.ts'
import { buildJobFeatureSet } from '../../../server2/agents/fit-score/job-features.ts'
import { scoreJobForUser } from '../../../server2/agents/fit-score/score-job-for-user.ts'
import { buildUserFeatures } from '../../../server2/agents/fit-score/user-features.ts'
import { COMPONENTS, DEFAULT_WEIGHTS, type Weights, weightsFromJson } from '../../../server2/agents/fit-score/weights.ts'
import { USERS, posting } from './fixtures.ts'

const sum = (w: Weights): number => COMPONENTS.reduce((s, c) => s + w[c], 0)

describe('weights', () => {
  test('the seeded weights parse; a missing or bad key is named', () => {
    const seeded = JSON.parse('{"required_skills":0.35,"nice_skills":0.08,"title":0.2,"experience":0.12,"location":0.1,"salary":0.05,"text":0.1}')
    expect(weightsFromJson(seeded)).toEqual(DEFAULT_WEIGHTS)
    expect(() => weightsFromJson({ ...seeded, salary: undefined })).toThrow('"salary"')
    expect(() => weightsFromJson({ ...seeded, text: -1 })).toThrow('"text"')
    expect(() => weightsFromJson(null)).toThrow()
  })

  test('user offsets are bounded to ±0.1, ignore junk, and the result sums to 1', () => {
    const w = effectiveWeights(DEFAULT_WEIGHTS, { location: 0.5, salary: -0.5, text: 'high', bogus: 3 })
    expect(sum(w)).toBeCloseTo(1, 12)
    const raw = { ...DEFAULT_WEIGHTS, location: 0.2, salary: 0 }
    for (const c of COMPONENTS) expect(w[c]).toBeCloseTo(raw[c] / sum(raw), 12)
    expect(effectiveWeights(DEFAULT_WEIGHTS, null)).toEqual(
      Object.fromEntries(COMPONENTS.map((c) => [c, DEFAULT_WEIGHTS[c] / sum(DEFAULT_WEIGHTS)])) as Weights,
    )
  })
})

describe('recalibrated weights change rankings as expected', () => {
  // Two frontend roles for Priya (Bengaluru): a complete skill match in Chennai and a partial one at home.
  const { space, jobs } = buildJobFeatureSet([
    posting('far', 'Frontend Developer', 'Zoho', {
      req: ['react', 'typescript', 'javascript', 'redux', 'html', 'css'],
      years: [3, 6],
      lpa: [18, 26],
      loc: ['Chennai'],
      text: 'React, TypeScript and Redux frontend for our CRM suite; HTML, CSS and JavaScript performance.',
    }),
    posting('near', 'Frontend Developer', 'Swiggy', {
      req: ['react', 'javascript', 'vue', 'angular', 'graphql', 'css'],
      years: [3, 6],
      lpa: [18, 26],
      loc: ['Bengaluru'],
      text: 'Frontend developer across React, Vue and Angular apps, GraphQL clients, CSS and JavaScript.',
    }),
  ])
  const priya = buildUserFeatures(space, USERS.priya)
  const gap = (w: Weights): number =>
    scoreJobForUser(priya, jobs[0] as (typeof jobs)[number], w).score - scoreJobForUser(priya, jobs[1] as (typeof jobs)[number], w).score
  const ranking = (w: Weights): string[] =>
    jobs
      .map((job) => ({ id: job.job_id, score: scoreJobForUser(priya, job, w).score }))
      .sort((a, b) => b.score - a.score)
      .map((r) => r.id)

  test('by default skills dominate: the full skill match ranks first', () => {
    expect(ranking(DEFAULT_WEIGHTS)).toEqual(['far', 'near'])
  })

  test('a global recalibration that boosts location puts the local job first', () => {
    expect(ranking({ ...DEFAULT_WEIGHTS, location: 0.45, required_skills: 0.2 })).toEqual(['near', 'far'])
  })

  test("a user's offsets towards location (Layer 2) narrow the gap, within their bound", () => {
    const boosted = effectiveWeights(DEFAULT_WEIGHTS, { location: 0.5, required_skills: -0.5 })
    expect(boosted.location).toBeCloseTo(0.2, 12)
    expect(boosted.required_skills).toBeCloseTo(0.25, 12)
    expect(gap(DEFAULT_WEIGHTS)).toBeGreaterThan(10)
    expect(gap(boosted)).toBeLessThan(gap(DEFAULT_WEIGHTS) - 10)
  })
})
