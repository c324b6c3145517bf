import { type Hop, hop } from '#shared/agents/agent-implementation.ts'
import type { Tx } from '#shared/db/create-sql.ts'

/** scrape_runs.scoring_complete = FALSE once all its jobs are cleaned → delta fit scoring. */
export async function claimUnscoredScrapeRuns(tx: Tx): Promise<Hop[]> {
  const runs = await tx<{ id: string }[]>`
    SELECT r.id FROM scrape_runs r
     WHERE NOT r.scoring_complete AND r.status = 'succeeded'
       AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.scrape_run_id = r.id AND NOT j.jd_cleaned)
     ORDER BY r.id
     LIMIT 50
     FOR UPDATE OF r SKIP LOCKED`
  return runs.map((r) => hop('fit-score', { mode: 'delta', scrape_run_id: Number(r.id) }))
}
