import { combineScore } from './combine-score.ts'
import { type FitExplanation, explainFit } from './explanation.ts'
import { computeComponents } from './fit-components.ts'
import type { JobFeatures } from './job-features.ts'
import type { UserFeatures } from './user-features.ts'
import { COMPONENTS, type Component, type Weights } from './weights.ts'

export interface FitResult {
  /** 0–100 */
  readonly score: number
  /** each 0..1, rounded to 3 decimals for storage */
  readonly components: Record<Component, number>
  readonly explanation: FitExplanation
}

/** Reused by `fitScore` so screening millions of pairs allocates nothing. */
const scratch = new Float64Array(COMPONENTS.length)

function toScore(raw: number): number {
  return Math.max(0, Math.min(100, Math.round(raw)))
}

/**
 * The integer score alone, for screening candidate pairs; equal to
 * `scoreJobForUser(…).score`. Build the explanation only for pairs kept.
 */
export function fitScore(user: UserFeatures, job: JobFeatures, weights: Weights): number {
  const known = computeComponents(user, job, scratch)
  return toScore(combineScore(scratch, known, weights))
}

/** Score, components and explanation of one pair, as stored in `fit_scores`. */
export function scoreJobForUser(user: UserFeatures, job: JobFeatures, weights: Weights): FitResult {
  const values = new Float64Array(COMPONENTS.length)
  const known = computeComponents(user, job, values)
  const score = toScore(combineScore(values, known, weights))
  const components = {} as Record<Component, number>
  COMPONENTS.forEach((component, i) => {
    components[component] = Math.round((values[i] as number) * 1000) / 1000
  })
  return { score, components, explanation: explainFit(user, job, values, score) }
}
