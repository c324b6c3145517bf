import { type Hop, hop } from '#shared/agents/agent-implementation.ts'
import type { Tx } from '#shared/db/create-sql.ts'

/** jobs.jd_cleaned = FALSE in a finished scrape run → JD cleaning for that run. */
export async function claimUncleanedScrapeRuns(tx: Tx): Promise<Hop[]> {
  const runs = await tx<{ id: string }[]>`
    SELECT r.id FROM scrape_runs r
     WHERE r.status = 'succeeded'
       AND EXISTS (SELECT 1 FROM jobs j WHERE j.scrape_run_id = r.id AND NOT j.jd_cleaned)
     ORDER BY r.id
     LIMIT 50
     FOR UPDATE OF r SKIP LOCKED`
  return runs.map((r) => hop('jd-clean', { scrape_run_id: Number(r.id) }))
}
