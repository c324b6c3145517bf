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
  let sum = 0
  let weight = 0
  const add = (bit: number, value: number, wc: number): void => {
    if ((known & bit) === 0) return
    sum += value * wc
    weight += wc
  }
  add(KNOWN_REQUIRED, c[REQUIRED] as number, w.required_skills)
  add(KNOWN_NICE, c[NICE] as number, w.nice_skills)
  add(KNOWN_TITLE, c[TITLE] as number, w.title)
  add(KNOWN_TEXT, c[TEXT] as number, w.text)
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
