import type { Sql, Tx } from '#shared/db/create-sql.ts'
import { SESSION_PLATFORMS } from '../../sessions/platform-profiles.ts'

export interface ApplicationRow {
  id: number
  user_id: string
  job_id: number | null
  auto_status: string | null
  fit_score: number | null
  tailored_resume_path: string | null
  cover_letter_path: string | null
  title: string
  company: string
  job_source: string | null
  job_url: string | null
  apply_email: string | null
}

export async function loadApplication(db: Sql | Tx, applicationId: number): Promise<ApplicationRow | null> {
  const [row] = await db<(Omit<ApplicationRow, 'id' | 'job_id'> & { id: string; job_id: string | null })[]>`
    SELECT a.id, a.user_id, a.job_id, a.auto_status, a.fit_score, a.tailored_resume_path, a.cover_letter_path,
           a.title, a.company, j.source AS job_source, coalesce(j.url, a.job_url) AS job_url,
           j.structured->>'apply_email' AS apply_email
      FROM job_applications a LEFT JOIN jobs j ON j.id = a.job_id
     WHERE a.id = ${applicationId}`
  return row ? { ...row, id: Number(row.id), job_id: row.job_id === null ? null : Number(row.job_id) } : null
}

export interface ApplyRoute {
  channel: 'email' | 'browser'
  /** what daily caps count and which stored login the browser uses */
  platform: string
  target: string
  needsSession: boolean
}

/**
 * How a job is applied to: by email when the posting gives an address (and SMTP is configured),
 * else in the browser on the posting's page, logged in where the platform needs it.
 */
export function applyRoute(app: Pick<ApplicationRow, 'apply_email' | 'job_url' | 'job_source'>, emailEnabled: boolean): ApplyRoute | null {
  if (app.apply_email && emailEnabled) return { channel: 'email', platform: 'email', target: app.apply_email, needsSession: false }
  if (!app.job_url) return null
  const platform = app.job_source ?? 'web'
  return { channel: 'browser', platform, target: app.job_url, needsSession: (SESSION_PLATFORMS as readonly string[]).includes(platform) }
}
