import { t } from 'elysia'
import type { Sql } from '#shared/db/create-sql.ts'

/** A job source as an operator sees it; its config (boards, keys) stays in the database. */
export const JobSource = t.Object({
  id: t.String(),
  kind: t.String(),
  base_url: t.String(),
  /** false: paused, the scrape skips it */
  enabled: t.Boolean(),
})
export type JobSource = typeof JobSource.static

export function listJobSources(sql: Sql): Promise<JobSource[]> {
  return sql<JobSource[]>`SELECT id, kind, base_url, enabled FROM job_sources ORDER BY id`
}
