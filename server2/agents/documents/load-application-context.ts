import { PermanentAgentError } from '#shared/agents/agent-implementation.ts'
import type { Sql } from '#shared/db/create-sql.ts'
import type { JobStructure } from '#shared/schemas/job-structure.ts'
import type { ResumeProfile } from '#shared/schemas/resume-profile.ts'

/** Everything a tailored resume or a cover letter is written from. */
export interface ApplicationContext {
  application_id: number
  user_id: string
  company: string
  title: string
  /** null for a manual application to a job Talvix never scraped */
  structure: JobStructure | null
  clean_jd: string | null
  profile: ResumeProfile
  user_name: string | null
}

interface Row {
  user_id: string
  company: string
  title: string
  structured: JobStructure | null
  clean_jd: string | null
  profile: ResumeProfile | null
  full_name: string | null
}

/** Reads the application, its job and the user's parsed resume; without a parsed resume nothing can be written. */
export async function loadApplicationContext(sql: Sql, applicationId: number): Promise<ApplicationContext> {
  const [row] = await sql<Row[]>`
    SELECT a.user_id, coalesce(j.company, a.company) AS company, coalesce(j.title, a.title) AS title,
           j.structured, j.clean_jd, r.profile, u.full_name
      FROM job_applications a
      JOIN users u ON u.id = a.user_id
      LEFT JOIN jobs j ON j.id = a.job_id
      LEFT JOIN resumes r ON r.user_id = a.user_id AND r.is_active AND r.status = 'parsed'
     WHERE a.id = ${applicationId}`
  if (!row) throw new PermanentAgentError(`application ${applicationId} not found`)
  if (!row.profile) throw new PermanentAgentError(`user ${row.user_id} has no parsed resume`)
  return {
    application_id: applicationId,
    user_id: row.user_id,
    company: row.company,
    title: row.title,
    structure: row.structured,
    clean_jd: row.clean_jd,
    profile: row.profile,
    user_name: row.full_name,
  }
}
