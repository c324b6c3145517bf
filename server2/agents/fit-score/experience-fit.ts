import type { Seniority } from '../../../shared/schemas/job-structure.ts'

export interface YearsRange {
  readonly min: number
  readonly max: number
}

/** Typical years behind a seniority word, used when a JD states no range. */
const SENIORITY_YEARS: Record<Seniority, YearsRange> = {
  intern: { min: 0, max: 1 },
  entry: { min: 0, max: 2 },
  mid: { min: 2, max: 6 },
  senior: { min: 5, max: 10 },
  lead: { min: 7, max: 14 },
  manager: { min: 6, max: 15 },
  director: { min: 12, max: 30 },
}

export const NEUTRAL = 0.5

/**
 * The range a job really asks for. "5+ years" has no stated top, but a
 * "2+ years" role is still not meant for a 15-year veteran, so an open top is
 * placed at twice the minimum plus four years.
 */
export function experienceRange(
  min: number | null,
  max: number | null,
  seniority: Seniority | null,
): YearsRange | null {
  if (min === null && max === null) return seniority === null ? null : SENIORITY_YEARS[seniority]
  const lo = min ?? 0
  const hi = max ?? lo * 2 + 4
  return { min: Math.min(lo, hi), max: Math.max(lo, hi) }
}

/**
 * 1 inside the range. Below it the fit falls by a year-gap scaled to the
 * minimum (one year short of "1–3" matters more than of "8–12"); above it it
 * falls more gently, since over-qualification is a softer mismatch than a
 * fresher applying to a senior role.
 */
export function experienceFit(years: number, range: YearsRange | null): number {
  if (range === null) return NEUTRAL
  if (years < range.min) return Math.max(0, 1 - (range.min - years) / (1 + 0.5 * range.min))
  if (years > range.max) return Math.max(0, 1 - (years - range.max) / (2 + 0.5 * range.max))
  return 1
}
