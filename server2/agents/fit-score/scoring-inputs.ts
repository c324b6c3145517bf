/**
 * Reads what fit scoring needs from the database: cleaned jobs as JobInput, users with an active
 * parsed resume as UserInput (plus their Layer 2 offsets), and the active Layer 3 weights.
 */
import type { Sql } from '#shared/db/create-sql.ts'
import type { JobStructure } from '#shared/schemas/job-structure.ts'
import type { ResumeProfile } from '#shared/schemas/resume-profile.ts'
import type { JobInput } from './job-features.ts'
import type { UserInput } from './user-features.ts'
import { type Weights, weightsFromJson } from './weights.ts'

interface JobRow {
  id: string
  title: string
  company: string
  structured: JobStructure
  clean_jd: string | null
}

export interface ScoredUserRow {
  input: UserInput
  /** user_scoring_offsets.offsets; null when the user has no Layer 2 calibration yet */
  offsets: Record<string, unknown> | null
}

interface UserRow {
  id: string
  target_roles: string[]
  locations: string[]
  expected_salary_inr: number | null
  profile: ResumeProfile
  offsets: Record<string, unknown> | null
}

/** Users fetched per round trip while streaming: enough to amortise latency, few enough to bound memory. */
const USER_BATCH = 2_000

const toJobInput = (row: JobRow): JobInput => ({
  job_id: row.id,
  title: row.title,
  company: row.company,
  structure: row.structured,
  clean_text: row.clean_jd,
})

const toUser = (row: UserRow): ScoredUserRow => ({
  input: {
    user_id: row.id,
    profile: row.profile,
    target_roles: row.target_roles,
    locations: row.locations,
    expected_salary_inr: row.expected_salary_inr,
  },
  offsets: row.offsets !== null && Object.keys(row.offsets).length > 0 ? row.offsets : null,
})

/** The run's cleaned postings that are not copies of another posting (copies would show a user one job twice). */
export async function loadRunJobs(sql: Sql, scrapeRunId: number): Promise<JobInput[]> {
  const rows = await sql<JobRow[]>`
    SELECT id, title, company, structured, clean_jd FROM jobs
     WHERE scrape_run_id = ${scrapeRunId} AND jd_cleaned AND structured IS NOT NULL AND duplicate_of IS NULL
     ORDER BY id`
  return rows.map(toJobInput)
}

/** Every current posting a full scan scores: cleaned, not a copy, seen within the last `days` days. */
export async function loadCurrentJobs(sql: Sql, days: number): Promise<JobInput[]> {
  const rows = await sql<JobRow[]>`
    SELECT id, title, company, structured, clean_jd FROM jobs
     WHERE jd_cleaned AND structured IS NOT NULL AND duplicate_of IS NULL
       AND last_seen_at > now() - make_interval(days => ${days})
     ORDER BY id`
  return rows.map(toJobInput)
}

/** Streams the active users (an active, parsed resume) in batches, so 20,000 profiles are never all in memory as JSON. */
export async function forEachActiveUser(sql: Sql, onBatch: (users: ScoredUserRow[]) => void): Promise<void> {
  const cursor = sql<UserRow[]>`
    SELECT u.id, u.target_roles, u.locations, u.expected_salary_inr, r.profile, o.offsets
      FROM users u
      JOIN resumes r ON r.user_id = u.id AND r.is_active AND r.status = 'parsed'
      LEFT JOIN user_scoring_offsets o ON o.user_id = u.id
     ORDER BY u.id`.cursor(USER_BATCH)
  for await (const rows of cursor) onBatch(rows.map(toUser))
}

/** One user with an active parsed resume, or undefined when there is nothing to score yet. */
export async function loadActiveUser(sql: Sql, userId: string): Promise<ScoredUserRow | undefined> {
  const [row] = await sql<UserRow[]>`
    SELECT u.id, u.target_roles, u.locations, u.expected_salary_inr, r.profile, o.offsets
      FROM users u
      JOIN resumes r ON r.user_id = u.id AND r.is_active AND r.status = 'parsed'
      LEFT JOIN user_scoring_offsets o ON o.user_id = u.id
     WHERE u.id = ${userId}`
  return row && toUser(row)
}

/** The active Layer 3 weights and their version (stored with every score so a score can be traced to its weights). */
export async function loadActiveWeights(sql: Sql): Promise<{ version: number; weights: Weights }> {
  const [row] = await sql<{ version: number; weights: unknown }[]>`
    SELECT version, weights FROM scoring_weights WHERE is_active`
  if (!row) throw new Error('no active scoring_weights row')
  return { version: row.version, weights: weightsFromJson(row.weights) }
}
