/**
 * The seven component values of one (user, job) pair, each 0..1. Missing data
 * on either side gives NEUTRAL, so an unparsed salary or an unlisted skill set
 * neither sinks nor lifts a job.
 *
 * Two paths measure the overlaps: `computeComponents` merges the sorted id
 * arrays of one pair, the batch scorer (batch-scorer.ts) looks one job's
 * scattered weights up for many users. Both visit shared ids in ascending
 * order and hand the raw overlaps to `finishComponents`, so they agree to the
 * last bit.
 */
import { cosine } from './bm25.ts'
import { experienceFit } from './experience-fit.ts'
import type { JobFeatures } from './job-features.ts'
import { locationFit } from './location-fit.ts'
import { salaryFit } from './salary-fit.ts'
import { titleSimilarity } from './title-similarity.ts'
import type { UserFeatures } from './user-features.ts'

export const NEUTRAL = 0.5

/** Positions of the components in a component vector, in `COMPONENTS` order. */
export const REQUIRED = 0
export const NICE = 1
export const TITLE = 2
export const EXPERIENCE = 3
export const LOCATION = 4
export const SALARY = 5
export const TEXT = 6

/** Bit of a relevance component in the mask `finishComponents` returns when both sides had data for it. */
export const KNOWN_REQUIRED = 1 << REQUIRED
export const KNOWN_NICE = 1 << NICE
export const KNOWN_TITLE = 1 << TITLE
export const KNOWN_TEXT = 1 << TEXT

/**
 * A resume and a JD about the same work typically reach a BM25 cosine of
 * 0.3–0.5; unrelated ones stay under 0.1. The cosine is scaled so that the
 * top of that range counts as full similarity.
 */
const FULL_TEXT_COSINE = 0.4

/** Summed importance of the job's required skills the user has. */
export function requiredMatched(userSkills: Uint32Array, job: JobFeatures): number {
  const { ids, importance } = job.required
  let i = 0
  let j = 0
  let matched = 0
  while (i < userSkills.length && j < ids.length) {
    const a = userSkills[i] as number
    const b = ids[j] as number
    if (a === b) {
      matched += importance[j] as number
      i++
      j++
    } else if (a < b) i++
    else j++
  }
  return matched
}

/** How many of the job's nice-to-have skills the user has. */
export function niceMatched(userSkills: Uint32Array, nice: Uint32Array): number {
  let i = 0
  let j = 0
  let matched = 0
  while (i < userSkills.length && j < nice.length) {
    const a = userSkills[i] as number
    const b = nice[j] as number
    if (a === b) {
      matched++
      i++
      j++
    } else if (a < b) i++
    else j++
  }
  return matched
}

/** Best similarity of the job title to any of the user's roles. */
export function bestTitle(user: UserFeatures, job: JobFeatures): number {
  let best = 0
  for (const role of user.roles) best = Math.max(best, titleSimilarity(role, job.role))
  return best
}

/**
 * Turns the raw overlaps into component values in `out` (`COMPONENTS` order)
 * and returns which relevance components (skills, title, text) rest on data
 * rather than the neutral default.
 */
export function finishComponents(
  user: UserFeatures,
  job: JobFeatures,
  requiredImportance: number,
  niceCount: number,
  title: number,
  textCosine: number,
  out: Float64Array,
): number {
  return finishPrimitive(
    user.skills.length > 0,
    user.roles.length > 0,
    user.text.ids.length > 0,
    user.years,
    locationFit(user.places, job.places),
    user.expectedSalary,
    job,
    requiredImportance,
    niceCount,
    title,
    textCosine,
    out,
  )
}

/**
 * `finishComponents` on the user's facts as plain values (what the batch
 * scorer keeps in packed arrays); the one place the component arithmetic lives.
 */
export function finishPrimitive(
  knowsSkills: boolean,
  hasRoles: boolean,
  hasText: boolean,
  years: number,
  location: number,
  expectedSalary: number | null,
  job: JobFeatures,
  requiredImportance: number,
  niceCount: number,
  title: number,
  textCosine: number,
  out: Float64Array,
): number {
  let known = 0
  out[REQUIRED] = NEUTRAL
  if (knowsSkills && job.required.ids.length > 0) {
    out[REQUIRED] = requiredImportance / job.required.totalImportance
    known |= KNOWN_REQUIRED
  }
  out[NICE] = NEUTRAL
  if (knowsSkills && job.nice.length > 0) {
    out[NICE] = niceCount / job.nice.length
    known |= KNOWN_NICE
  }
  out[TITLE] = NEUTRAL
  if (hasRoles && job.role.total > 0) {
    out[TITLE] = title
    known |= KNOWN_TITLE
  }
  out[EXPERIENCE] = experienceFit(years, job.years)
  out[LOCATION] = location
  out[SALARY] = salaryFit(expectedSalary, job.salaryMin, job.salaryMax)
  out[TEXT] = NEUTRAL
  if (hasText && job.text.ids.length > 0) {
    out[TEXT] = Math.min(1, textCosine / FULL_TEXT_COSINE)
    known |= KNOWN_TEXT
  }
  return known
}

/** The components of one pair, by merging its sorted id arrays. */
export function computeComponents(user: UserFeatures, job: JobFeatures, out: Float64Array): number {
  return finishComponents(
    user,
    job,
    requiredMatched(user.skills, job),
    niceMatched(user.skills, job.nice),
    bestTitle(user, job),
    cosine(user.text, job.text),
    out,
  )
}
