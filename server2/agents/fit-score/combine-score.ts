/**
 * Turns component values into the 0–100 score.
 *
 * A plain weighted sum lets an unrelated job score 30+ on context alone (right
 * city, right years, right pay), which would pollute the stored scores and the
 * auto-apply threshold. So the context components (experience, location,
 * salary) count in full only once the role itself is relevant: they are
 * scaled by the relevance of the skills, title and text, reaching full weight
 * at RELEVANCE_FOR_FULL_CONTEXT. For relevant jobs the score is exactly the
 * weighted sum, so recalibrating weights acts as expected.
 */
import {
  EXPERIENCE,
  KNOWN_NICE,
  KNOWN_REQUIRED,
  KNOWN_TEXT,
  KNOWN_TITLE,
  LOCATION,
  NEUTRAL,
  NICE,
  REQUIRED,
  SALARY,
  TEXT,
  TITLE,
} from './fit-components.ts'
import type { Weights } from './weights.ts'

export const RELEVANCE_FOR_FULL_CONTEXT = 0.4

/**
 * Relevance (0..1) from the components that say whether this is the user's
 * kind of work. Neutral (unknown) components are left out so that missing
 * data does not make an unrelated job look half-relevant; with nothing known
 * it is neutral.
 */
export function relevance(c: Float64Array, known: number, w: Weights): number {
  // Written out rather than looped over a table: this runs for every scored pair.
  let sum = 0
  let weight = 0
  if ((known & KNOWN_REQUIRED) !== 0) {
    sum += (c[REQUIRED] as number) * w.required_skills
    weight += w.required_skills
  }
  if ((known & KNOWN_NICE) !== 0) {
    sum += (c[NICE] as number) * w.nice_skills
    weight += w.nice_skills
  }
  if ((known & KNOWN_TITLE) !== 0) {
    sum += (c[TITLE] as number) * w.title
    weight += w.title
  }
  if ((known & KNOWN_TEXT) !== 0) {
    sum += (c[TEXT] as number) * w.text
    weight += w.text
  }
  return weight === 0 ? NEUTRAL : sum / weight
}

/** The unrounded score 0..100; `known` is the mask from `computeComponents`. */
export function combineScore(c: Float64Array, known: number, w: Weights): number {
  const core =
    w.required_skills * (c[REQUIRED] as number) +
    w.nice_skills * (c[NICE] as number) +
    w.title * (c[TITLE] as number) +
    w.text * (c[TEXT] as number)
  const context = w.experience * (c[EXPERIENCE] as number) + w.location * (c[LOCATION] as number) + w.salary * (c[SALARY] as number)
  const total = w.required_skills + w.nice_skills + w.title + w.text + w.experience + w.location + w.salary
  if (total <= 0) return 0
  const gate = Math.min(1, relevance(c, known, w) / RELEVANCE_FOR_FULL_CONTEXT)
  return (100 * (core + gate * context)) / total
}
