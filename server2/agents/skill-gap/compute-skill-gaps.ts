/**
 * Skill gaps for one user: the skills that jobs in the user's target roles ask
 * for and the user lacks, ranked by how often they are asked for (demand
 * share) times how much having them would raise the user's fit scores
 * (uplift). Uplift is measured with the real scorer on a copy of the user
 * with the skill added, so it reflects skill importance (title skills, skills
 * a JD repeats), required vs nice-to-have, and the relevance gate.
 */
import { combineScore } from '../fit-score/combine-score.ts'
import { computeComponents } from '../fit-score/fit-components.ts'
import type { JobFeatures } from '../fit-score/job-features.ts'
import type { UserFeatures } from '../fit-score/user-features.ts'
import { COMPONENTS, type Weights } from '../fit-score/weights.ts'

export interface GapExampleJob {
  readonly job_id: string
  readonly title: string
  readonly company: string
}

export interface SkillGap {
  /** canonical taxonomy id */
  readonly skill_id: string
  readonly name: string
  /** share of the jobs that ask for it (required or nice-to-have), 0..1 */
  readonly demand_share: number
  /** average score points gained on those jobs if the user had it */
  readonly score_uplift: number
  /** the jobs that would score highest with it */
  readonly example_jobs: GapExampleJob[]
}

export interface SkillGapOptions {
  /** how many gaps to return */
  readonly limit?: number
  /** example jobs per gap */
  readonly examples?: number
}

const DEFAULT_LIMIT = 15
const DEFAULT_EXAMPLES = 3

interface Tally {
  count: number
  gain: number
  examples: { job: JobFeatures; score: number }[]
}

function withSkill(user: UserFeatures, skill: number): UserFeatures {
  const skills = new Uint32Array(user.skills.length + 1)
  skills.set(user.skills)
  skills[user.skills.length] = skill
  return { ...user, skills: skills.sort() }
}

export function computeSkillGaps(
  user: UserFeatures,
  jobs: readonly JobFeatures[],
  weights: Weights,
  options: SkillGapOptions = {},
): SkillGap[] {
  const first = jobs[0]
  if (first === undefined) return []
  const { space } = first
  const values = new Float64Array(COMPONENTS.length)
  const rawScore = (u: UserFeatures, job: JobFeatures): number => combineScore(values, computeComponents(u, job, values), weights)
  const augmented = new Map<number, UserFeatures>()
  const tallies = new Map<number, Tally>()
  const examples = options.examples ?? DEFAULT_EXAMPLES
  for (const job of jobs) {
    const base = rawScore(user, job)
    for (const skill of new Set([...job.required.ids, ...job.nice])) {
      if (user.skills.includes(skill)) continue
      let better = augmented.get(skill)
      if (better === undefined) augmented.set(skill, (better = withSkill(user, skill)))
      const score = rawScore(better, job)
      let tally = tallies.get(skill)
      if (tally === undefined) tallies.set(skill, (tally = { count: 0, gain: 0, examples: [] }))
      tally.count += 1
      tally.gain += score - base
      tally.examples.push({ job, score })
      tally.examples.sort((a, b) => b.score - a.score)
      tally.examples.length = Math.min(tally.examples.length, examples)
    }
  }
  const gaps = [...tallies].map(([skill, tally]) => {
    const id = space.skills.keyOf(skill)
    const demand = tally.count / jobs.length
    const uplift = tally.gain / tally.count
    return {
      rank: demand * uplift,
      gap: {
        skill_id: id,
        name: space.skillName(id),
        demand_share: Math.round(demand * 1000) / 1000,
        score_uplift: Math.round(uplift * 10) / 10,
        example_jobs: tally.examples.map(({ job }) => ({ job_id: job.job_id, title: job.title, company: job.company })),
      },
    }
  })
  gaps.sort((a, b) => b.rank - a.rank || b.gap.demand_share - a.gap.demand_share || (a.gap.skill_id < b.gap.skill_id ? -1 : 1))
  return gaps.slice(0, options.limit ?? DEFAULT_LIMIT).map((g) => g.gap)
}
