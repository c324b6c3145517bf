import type { Sql } from '#shared/db/create-sql.ts'
import type { Logger } from '#shared/logger.ts'
import { cleanJobDescription } from './clean-job-description.ts'

/** Jobs cleaned per read-update round: bounds memory for big runs; each round commits on its own. */
const BATCH = 500

interface RawRow {
  id: string
  title: string
  company: string
  location_text: string | null
  raw_jd: string
  source: string
}

/**
 * Cleans every job of the run still marked jd_cleaned = FALSE, a batch at a time. A retried run
 * resumes where the last one stopped (the flag is the progress marker), and the UPDATE's
 * `NOT jd_cleaned` guard makes a concurrent or repeated round harmless. A posting the cleaner
 * throws on is still marked cleaned, without structure, so one bad page cannot stall the
 * evening's chain; fit scoring skips it.
 */
export async function cleanRunJobs(sql: Sql, log: Logger, scrapeRunId: number): Promise<{ cleaned: number; failed: number }> {
  let cleaned = 0
  let failed = 0
  let after = '0'
  for (;;) {
    const rows = await sql<RawRow[]>`
      SELECT id, title, company, location_text, raw_jd, source FROM jobs
       WHERE scrape_run_id = ${scrapeRunId} AND NOT jd_cleaned AND id > ${after}
       ORDER BY id LIMIT ${BATCH}`
    if (rows.length === 0) break
    after = (rows.at(-1) as RawRow).id
    const ids: string[] = []
    const texts: (string | null)[] = []
    const structures: (string | null)[] = []
    const hashes: (string | null)[] = []
    for (const row of rows) {
      ids.push(row.id)
      try {
        const result = cleanJobDescription(row)
        texts.push(result.clean_text)
        structures.push(JSON.stringify(result.structure))
        hashes.push(result.content_hash)
        cleaned++
      } catch (err) {
        log.error({ err, job_id: row.id, source: row.source }, 'job description could not be cleaned; left without structure')
        texts.push(null)
        structures.push(null)
        hashes.push(null)
        failed++
      }
    }
    await sql`
      UPDATE jobs j
         SET clean_jd = u.clean_jd, structured = u.structured::jsonb, content_hash = u.content_hash, jd_cleaned = TRUE
        FROM unnest(${ids}::bigint[], ${texts}::text[], ${structures}::text[], ${hashes}::text[])
             AS u(id, clean_jd, structured, content_hash)
       WHERE j.id = u.id AND NOT j.jd_cleaned`
  }
  return { cleaned, failed }
}
