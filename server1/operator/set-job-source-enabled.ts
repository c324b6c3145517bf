import type { Sql } from '#shared/db/create-sql.ts'
import { notFound } from '#shared/http/http-error.ts'
import type { JobSource } from './list-job-sources.ts'

/**
 * Pauses (enabled = false) or resumes a job source. The scrape reads the enabled sources when it
 * starts, so a pause takes effect from the next scrape; one already running finishes its list.
 * Pausing a paused source changes nothing.
 */
export async function setJobSourceEnabled(sql: Sql, id: string, enabled: boolean): Promise<JobSource> {
  const [source] = await sql<JobSource[]>`
    UPDATE job_sources SET enabled = ${enabled} WHERE id = ${id} RETURNING id, kind, base_url, enabled`
  if (!source) throw notFound(`job source ${id} not found`)
  return source
}
