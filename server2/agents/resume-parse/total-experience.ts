import type { ExperienceEntry } from '../../../shared/schemas/resume-profile.ts'
import { currentMonth, monthIndex } from './parse-date-range.ts'

/** Internships are listed as experience but recruiters do not count them as years of experience. */
const INTERNSHIP = /\bintern(?:ship)?\b/i

/**
 * Years worked, from the entries' date ranges. Months are counted inclusively
 * ("Jan 2019 - Dec 2019" is a year) and the ranges are merged first, so two
 * jobs held at the same time count once and a career gap counts not at all.
 * Rounded to one decimal.
 */
export function totalExperienceYears(entries: ExperienceEntry[], today: Date): number {
  const now = monthIndex(currentMonth(today))
  const spans = entries
    .filter((entry) => entry.start !== null && !INTERNSHIP.test(entry.title))
    .map((entry) => [monthIndex(entry.start ?? ''), Math.min(now, entry.end === null ? now : monthIndex(entry.end))] as const)
    .filter(([start, end]) => start <= end)
    .toSorted((a, b) => a[0] - b[0])
  let months = 0
  let open: [number, number] | undefined
  for (const [start, end] of spans) {
    if (open && start <= open[1] + 1) {
      open[1] = Math.max(open[1], end)
      continue
    }
    if (open) months += open[1] - open[0] + 1
    open = [start, end]
  }
  if (open) months += open[1] - open[0] + 1
  return Math.round((months / 12) * 10) / 10
}

const STATED_TOTAL = [
  // "Total Experience: 5.5 years", "Total Work Experience - 5 Years 6 Months", "Overall experience of 4 yrs"
  /\b(?:total|overall|relevant|work|professional)?\s*(?:work\s+)?experience\s*(?:of|:|-|–)?\s*(\d{1,2}(?:\.\d{1,2})?)\s*\+?\s*(?:years?|yrs?)\.?(?:\s*(?:and\s*)?(\d{1,2})\s*(?:months?|mos?)\b)?/i,
  // "5+ years of experience", "7 yrs 3 months of experience"
  /\b(\d{1,2}(?:\.\d{1,2})?)\s*\+?\s*(?:years?|yrs?)(?:\s*(?:and\s*)?(\d{1,2})\s*(?:months?|mos?))?\s+(?:of\s+)?(?:total\s+|overall\s+|rich\s+|extensive\s+|hands-on\s+|professional\s+|work\s+|industry\s+|relevant\s+)*experience\b/i,
]

/** The total the candidate states, for resumes whose jobs carry no dates. */
export function statedExperienceYears(text: string): number | null {
  for (const pattern of STATED_TOTAL) {
    const match = pattern.exec(text)
    if (match?.[1]) return Math.round((Number(match[1]) + Number(match[2] ?? 0) / 12) * 10) / 10
  }
  return null
}
