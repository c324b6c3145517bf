/**
 * Market intelligence for a user's target roles from the postings that match them: how many jobs
 * and where the count is heading (4 weekly buckets), what they pay (p25 / median / p75 in LPA),
 * who hires, where, how much is remote, and which skills they ask for most.
 */
import type { JobStructure } from '#shared/schemas/job-structure.ts'

export interface MarketJob {
  readonly company: string
  readonly structure: JobStructure
  readonly first_seen_at: Date
}

export interface Ranked {
  readonly name: string
  readonly jobs: number
  readonly share: number
}

export interface CareerIntel {
  readonly job_count: number
  /** oldest week first; `jobs` first seen in [week_start, week_start + 7 days) */
  readonly weekly: { readonly week_start: string; readonly jobs: number }[]
  /** last week against the average of the three before it, in percent; null without a baseline */
  readonly trend_pct: number | null
  readonly trend: 'rising' | 'steady' | 'falling' | 'unknown'
  readonly salary_lpa: { readonly p25: number; readonly median: number; readonly p75: number; readonly sample: number } | null
  readonly top_companies: Ranked[]
  readonly top_cities: Ranked[]
  /** share of the jobs that are fully remote, 0..1 */
  readonly remote_share: number
  readonly top_skills: (Ranked & { readonly skill_id: string })[]
}

const WEEKS = 4
const DAY_MS = 86_400_000
const TOP = 10
/** A change smaller than this is noise in a week's postings. */
const STEADY_PCT = 10

const round = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places

/** Linear-interpolated percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo)
}

function ranked(counts: Map<string, number>, total: number): Ranked[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP)
    .map(([name, jobs]) => ({ name, jobs, share: total === 0 ? 0 : round(jobs / total, 3) }))
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

/** An annual salary point for a posting: the band's midpoint, or whichever end it states. */
function salaryPoint(s: JobStructure): number | null {
  if (s.salary_min_inr !== null && s.salary_max_inr !== null) return (s.salary_min_inr + s.salary_max_inr) / 2
  return s.salary_min_inr ?? s.salary_max_inr
}

export function computeCareerIntel(jobs: readonly MarketJob[], now: Date, skillName: (id: string) => string): CareerIntel {
  const weekly = Array.from({ length: WEEKS }, (_, w) => ({
    week_start: new Date(now.getTime() - (WEEKS - w) * 7 * DAY_MS).toISOString().slice(0, 10),
    jobs: 0,
  }))
  const companies = new Map<string, number>()
  const cities = new Map<string, number>()
  const skills = new Map<string, number>()
  const salaries: number[] = []
  let remote = 0
  for (const job of jobs) {
    const weeksAgo = Math.floor((now.getTime() - job.first_seen_at.getTime()) / (7 * DAY_MS))
    const bucket = weekly[WEEKS - 1 - weeksAgo]
    if (bucket !== undefined) bucket.jobs++
    bump(companies, job.company.trim())
    for (const city of new Set(job.structure.locations)) if (city.toLowerCase() !== 'remote') bump(cities, city)
    for (const skill of new Set([...job.structure.required_skills, ...job.structure.nice_to_have_skills])) bump(skills, skill)
    if (job.structure.work_mode === 'remote') remote++
    const salary = salaryPoint(job.structure)
    if (salary !== null && salary > 0) salaries.push(salary / 100_000)
  }
  const last = (weekly[WEEKS - 1] as { jobs: number }).jobs
  const baseline = weekly.slice(0, WEEKS - 1).reduce((sum, w) => sum + w.jobs, 0) / (WEEKS - 1)
  const trendPct = baseline > 0 ? Math.round(((last - baseline) / baseline) * 100) : null
  salaries.sort((a, b) => a - b)
  return {
    job_count: jobs.length,
    weekly,
    trend_pct: trendPct,
    trend: trendPct === null ? 'unknown' : trendPct > STEADY_PCT ? 'rising' : trendPct < -STEADY_PCT ? 'falling' : 'steady',
    salary_lpa:
      salaries.length === 0
        ? null
        : {
            p25: round(percentile(salaries, 0.25), 1),
            median: round(percentile(salaries, 0.5), 1),
            p75: round(percentile(salaries, 0.75), 1),
            sample: salaries.length,
          },
    top_companies: ranked(companies, jobs.length),
    top_cities: ranked(cities, jobs.length),
    remote_share: jobs.length === 0 ? 0 : round(remote / jobs.length, 3),
    top_skills: ranked(skills, jobs.length).map((s) => ({ skill_id: s.name, ...s, name: skillName(s.name) })),
  }
}
