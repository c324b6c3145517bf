import type { Sql } from '#shared/db/create-sql.ts'
import { PRUNE_BATCH, RETENTION_DAYS } from './retention-windows.ts'

interface Page {
  seen: number
  deleted: number
  /** (last_seen_at as text, id) of the page's last job: text keeps the microseconds a Date drops */
  last_seen_at: string | null
  last_id: string | null
}

/**
 * Postings no scrape has seen for RETENTION_DAYS.unseenJobs (three times the window fit scoring,
 * apply and career intel look at), with their fit scores and features (ON DELETE CASCADE): the
 * table fit_scores grows by. A job an application or a signal points to, or that another
 * posting names as its original, is kept. Those stay forever, so the walk goes through the
 * expired jobs once per sweep in (last_seen_at, id) order instead of re-reading the kept ones
 * at the head of every batch.
 */
export async function pruneUnseenJobs(sql: Sql, limit = PRUNE_BATCH): Promise<number> {
  let after = { lastSeenAt: '-infinity', id: '0' }
  let total = 0
  for (;;) {
    const [page] = await sql<Page[]>`
      WITH page AS (
        SELECT id, last_seen_at FROM jobs
         WHERE last_seen_at < now() - make_interval(days => ${RETENTION_DAYS.unseenJobs})
           AND (last_seen_at, id) > (${after.lastSeenAt}::text::timestamptz, ${after.id}::text::bigint)
         ORDER BY last_seen_at, id
         LIMIT ${limit}),
      doomed AS (
        SELECT j.id FROM jobs j JOIN page p ON p.id = j.id
         WHERE NOT EXISTS (SELECT 1 FROM job_applications a WHERE a.job_id = j.id)
           AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.job_id = j.id)
           AND NOT EXISTS (SELECT 1 FROM jobs c WHERE c.duplicate_of = j.id)
         FOR UPDATE OF j SKIP LOCKED),
      deleted AS (
        DELETE FROM jobs j USING doomed d WHERE j.id = d.id RETURNING j.id),
      last AS (
        SELECT last_seen_at::text, id::text FROM page ORDER BY last_seen_at DESC, id DESC LIMIT 1)
      SELECT (SELECT count(*) FROM page)::int AS seen, (SELECT count(*) FROM deleted)::int AS deleted,
             (SELECT last_seen_at FROM last) AS last_seen_at, (SELECT id FROM last) AS last_id`
    total += page?.deleted ?? 0
    if (!page?.last_seen_at || !page.last_id || page.seen < limit) return total
    after = { lastSeenAt: page.last_seen_at, id: page.last_id }
  }
}
