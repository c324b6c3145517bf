/**
 * The human side of a score: which skills matched, which are missing, and one
 * sentence a job seeker can read on the dashboard or WhatsApp, e.g.
 * "Strong match: 7 of 9 required skills (React, TypeScript, Redux, Jest, …);
 * missing AWS, GraphQL; 4 yrs fits 3–5."
 */
import { LOCATION, SALARY, TITLE } from './fit-components.ts'
import type { JobFeatures } from './job-features.ts'
import { bandTop } from './salary-fit.ts'
import type { UserFeatures } from './user-features.ts'

export interface FitExplanation {
  /** required skills the user has (most important first), then nice-to-haves */
  readonly matched_skills: string[]
  /** required skills the user lacks (most important first), then nice-to-haves */
  readonly missing_skills: string[]
  readonly summary: string
}

const LISTED_MATCHED = 4
const LISTED_MISSING = 3
const MAX_CAVEATS = 2

function has(sorted: Uint32Array, id: number): boolean {
  let lo = 0
  let hi = sorted.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const value = sorted[mid] as number
    if (value === id) return true
    if (value < id) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

function list(names: readonly string[], max: number): string {
  return names.length > max ? `${names.slice(0, max).join(', ')}, …` : names.join(', ')
}

function years(value: number): string {
  if (value <= 0) return 'fresher'
  const rounded = Math.round(value * 10) / 10
  return `${rounded} yr${rounded === 1 ? '' : 's'}`
}

function statedRange(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return min === max ? `${min}` : `${min}–${max}`
  if (min !== null) return `${min}+`
  if (max !== null) return `up to ${max}`
  return null
}

/** Places are stored lower-case; "navi mumbai" → "Navi Mumbai". */
function capitalise(words: string): string {
  return words.replace(/\b[a-z]/g, (c) => c.toUpperCase())
}

function lpa(inr: number): string {
  return `₹${Math.round(inr / 10_000) / 10} LPA`
}

function label(score: number): string {
  if (score >= 75) return 'Strong match'
  if (score >= 55) return 'Good match'
  if (score >= 40) return 'Partial match'
  return 'Weak match'
}

function skillPhrases(user: UserFeatures, job: JobFeatures) {
  const { space } = job
  const name = (id: number): string => space.skillName(space.skills.keyOf(id))
  const required = [...job.required.ids].map((id, k) => ({ id, importance: job.required.importance[k] as number }))
  required.sort((a, b) => b.importance - a.importance)
  const matchedRequired = required.filter((s) => has(user.skills, s.id)).map((s) => name(s.id))
  const missingRequired = required.filter((s) => !has(user.skills, s.id)).map((s) => name(s.id))
  const matchedNice = [...job.nice].filter((id) => has(user.skills, id)).map(name)
  const missingNice = [...job.nice].filter((id) => !has(user.skills, id)).map(name)
  return { matchedRequired, missingRequired, matchedNice, missingNice }
}

function experiencePhrase(user: UserFeatures, job: JobFeatures): string | null {
  const range = job.years
  if (range === null) return null
  const stated = statedRange(job.statedYears.min, job.statedYears.max) ?? `${range.min}–${range.max}`
  if (user.years < range.min) return `${years(user.years)}, below ${stated}`
  if (user.years > range.max) return `${years(user.years)}, above ${stated}`
  return `${years(user.years)} fits ${stated}`
}

export function explainFit(user: UserFeatures, job: JobFeatures, components: Float64Array, score: number): FitExplanation {
  const skills = skillPhrases(user, job)
  const parts: string[] = []
  const requiredCount = job.required.ids.length
  if (requiredCount > 0) {
    const matched = skills.matchedRequired
    parts.push(`${matched.length} of ${requiredCount} required skills${matched.length > 0 ? ` (${list(matched, LISTED_MATCHED)})` : ''}`)
    if (skills.missingRequired.length > 0) parts.push(`missing ${list(skills.missingRequired, LISTED_MISSING)}`)
  } else if (job.nice.length > 0) {
    parts.push(`${skills.matchedNice.length} of ${job.nice.length} preferred skills`)
  } else {
    parts.push('no skills listed')
  }
  const experience = experiencePhrase(user, job)
  if (experience !== null) parts.push(experience)
  // At most two caveats, most decisive first, so the sentence stays short.
  const caveats: string[] = []
  if (user.roles.length > 0 && (components[TITLE] as number) < 0.3) caveats.push('title unlike your target roles')
  if (job.places.remote) caveats.push('remote')
  else if ((components[LOCATION] as number) <= 0.15) {
    const where = job.places.places.find((p) => p.kind === 'city')
    caveats.push(where?.kind === 'city' ? `in ${capitalise(where.city)}, outside your locations` : 'outside your locations')
  }
  const top = bandTop(job.salaryMin, job.salaryMax)
  if ((components[SALARY] as number) < 1 && top !== null && user.expectedSalary !== null) {
    caveats.push(`pays up to ${lpa(top)} vs ${lpa(user.expectedSalary)} expected`)
  }
  parts.push(...caveats.slice(0, MAX_CAVEATS))
  return {
    matched_skills: [...skills.matchedRequired, ...skills.matchedNice],
    missing_skills: [...skills.missingRequired, ...skills.missingNice],
    summary: `${label(score)}: ${parts.join('; ')}.`,
  }
}
