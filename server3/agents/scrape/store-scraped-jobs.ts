import type { Sql } from '#shared/db/create-sql.ts'
import type { ScrapedJob } from './types.ts'

/** Rows per INSERT: large enough to be quick, small enough to stay under the bind-parameter limit. */
const BATCH = 200

export interface StoredJobs {
  /** rows inserted or refreshed by this run */
  stored: number
  inserted: number
  /** rows linked to an earlier copy of the same opening on another platform */
  linked: number
}

/**
 * Upserts a run's jobs by (source, external_id) and stamps them with the run, so JD cleaning and
 * delta scoring find them. A posting whose text changed is cleaned again; an unchanged one keeps
 * its cleaning. Then every job of the run whose company + title (jobs.dedupe_key) is already known
 * from another platform is linked to the earliest copy instead of standing as a second opening.
 */
export async function storeScrapedJobs(sql: Sql, scrapeRunId: number, jobs: ScrapedJob[]): Promise<StoredJobs> {
  let inserted = 0
  for (let start = 0; start < jobs.length; start += BATCH) {
    const rows = jobs.slice(start, start + BATCH).map((job) => ({
      source: job.source,
      external_id: job.external_id,
      url: job.url,
      title: job.title,
      company: job.company,
      location_text: job.location_text,
      raw_jd: job.raw_jd,
      posted_at: job.posted_at,
      scrape_run_id: scrapeRunId,
    }))
    const result = await sql<{ inserted: boolean }[]>`
      INSERT INTO jobs ${sql(rows, 'source', 'external_id', 'url', 'title', 'company', 'location_text', 'raw_jd', 'posted_at', 'scrape_run_id')}
      ON CONFLICT (source, external_id) DO UPDATE SET
        url = EXCLUDED.url,
        title = EXCLUDED.title,
        company = EXCLUDED.company,
        location_text = EXCLUDED.location_text,
        raw_jd = EXCLUDED.raw_jd,
        posted_at = coalesce(EXCLUDED.posted_at, jobs.posted_at),
        scrape_run_id = EXCLUDED.scrape_run_id,
        last_seen_at = now(),
        jd_cleaned = jobs.jd_cleaned AND jobs.raw_jd = EXCLUDED.raw_jd
      RETURNING (xmax = 0) AS inserted`
    inserted += result.filter((row) => row.inserted).length
  }
  const linked = await sql.begin(async (tx) => {
    // Two scrape runs linking at once could each pick the other's row as the original.
    await tx`SELECT pg_advisory_xact_lock(hashtext('talvix:link-jobs'))`
    const rows = await tx`
      WITH originals AS (
        SELECT DISTINCT ON (dedupe_key) dedupe_key, id, source FROM jobs
         WHERE duplicate_of IS NULL
           AND dedupe_key IN (SELECT dedupe_key FROM jobs WHERE scrape_run_id = ${scrapeRunId} AND duplicate_of IS NULL)
         ORDER BY dedupe_key, id)
      UPDATE jobs j SET duplicate_of = o.id
        FROM originals o
       WHERE j.scrape_run_id = ${scrapeRunId} AND j.duplicate_of IS NULL
         AND j.dedupe_key = o.dedupe_key AND j.id <> o.id AND j.source <> o.source
         AND j.dedupe_key NOT LIKE '|%' AND j.dedupe_key NOT LIKE '%|'
      RETURNING j.id`
    return rows.length
  })
  return { stored: jobs.length, inserted, linked }
}
