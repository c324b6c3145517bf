import type { Seniority } from '../../../shared/schemas/job-structure.ts'
import type { EmploymentType } from './detect-employment-type.ts'

/** Checked in order; the first that matches the title decides. */
const TITLE_LEVELS: [Seniority, RegExp][] = [
  ['intern', /\b(?:intern|internship|apprentice)\b/i],
  ['director', /\b(?:director|head of|head\s*[-–]|vp|avp|svp|vice president|chief|cto|ceo|cfo|coo|cxo|cpo|partner)\b/i],
  ['lead', /\b(?:lead|principal|staff|architect|team leader|tl)\b/i],
  ['senior', /\b(?:senior|sr|sde[- ]?(?:3|iii)|iii)\b/i],
  ['manager', /\bmanager\b/i],
  ['entry', /\b(?:junior|jr|fresher|graduate|trainee|entry[- ]level|associate|sde[- ]?(?:1|i)|i)\b|\bengineer\s+(?:1|i)\b/i],
  ['mid', /\b(?:sde[- ]?(?:2|ii)|ii|mid[- ]level|intermediate)\b|\bengineer\s+2\b/i],
]

/**
 * "Manager" titles that are individual-contributor roles in Indian hiring
 * (a Relationship Manager is often a fresher sales role): they take their
 * level from experience instead.
 */
const IC_MANAGER = /\b(?:product|project|program(?:me)?|relationship|account|key account|territory|community|social media|content|case|property|store|branch relationship|customer success)\s+manager\b/i

/**
 * Level of a job: the title's words first (intern, director, lead, senior,
 * manager, junior), then the minimum experience asked for, then internship
 * employment. "Associate Director" is a director because the more senior
 * word is checked first.
 */
export function detectSeniority(input: {
  title: string
  experience_min_years: number | null
  employment_type: EmploymentType | null
}): Seniority | null {
  for (const [level, pattern] of TITLE_LEVELS) {
    if (!pattern.test(input.title)) continue
    if (level === 'manager' && IC_MANAGER.test(input.title)) break
    return level
  }
  if (input.employment_type === 'internship') return 'intern'
  return levelFromExperience(input.experience_min_years)
}

function levelFromExperience(years: number | null): Seniority | null {
  if (years === null) return null
  if (years < 2) return 'entry'
  if (years < 5) return 'mid'
  if (years < 10) return 'senior'
  return 'lead'
}
