import type { Sql } from '#shared/db/create-sql.ts'
import { deleteInBatches } from './delete-in-batches.ts'
import { RETENTION_DAYS } from './retention-windows.ts'

/**
 * Terminal agent runs past their window. A run's row is its idempotency key, so a run is kept,
 * whatever its age, while it is pending or running, and while a DB-flag poller would ask for the
 * same key again (a pruned key would start the work over): jd-clean of a scrape run that still
 * has uncleaned jobs (server2/pollers/claim-uncleaned-scrape-runs.ts), delta fit scoring of one
 * not yet scoring_complete (claim-unscored-scrape-runs.ts), a stale-user full scan while the user
 * is still stale (claim-stale-fit-score-users.ts). An operator's re-run of a failed run is that
 * run's child (nothing else hangs off a failed run) and is keyed by it, so it is kept while the
 * failed run is: re-running that run again must find it. Every other key names a one-off event (a
 * trigger id, a resume id, a WhatsApp message id, an approval), so nothing asks for it again.
 */
export function pruneAgentRuns(sql: Sql): Promise<number> {
  return deleteInBatches(sql, 'agent_runs', 'id', (limit) => sql`
    SELECT r.id FROM agent_runs r
     WHERE r.created_at < now() - make_interval(days => ${RETENTION_DAYS.succeededRuns})
       AND CASE r.status
             WHEN 'succeeded' THEN coalesce(r.finished_at, r.created_at) < now() - make_interval(days => ${RETENTION_DAYS.succeededRuns})
             WHEN 'failed' THEN coalesce(r.finished_at, r.created_at) < now() - make_interval(days => ${RETENTION_DAYS.failedRuns})
             ELSE false
           END
       AND NOT CASE
             -- a scalar subquery is one primary-key probe per row; as EXISTS the planner hashes every failed run, per batch
             WHEN r.parent_run_id IS NOT NULL
              AND (SELECT p.status FROM agent_runs p WHERE p.id = r.parent_run_id) = 'failed' THEN true
             WHEN r.agent = 'jd-clean' THEN EXISTS (
               SELECT 1 FROM jobs j WHERE j.scrape_run_id = (r.input ->> 'scrape_run_id')::bigint AND NOT j.jd_cleaned)
             WHEN r.agent = 'fit-score' AND r.input ->> 'mode' = 'delta' THEN EXISTS (
               SELECT 1 FROM scrape_runs s WHERE s.id = (r.input ->> 'scrape_run_id')::bigint AND NOT s.scoring_complete)
             WHEN r.agent = 'fit-score' AND r.input ->> 'reason' LIKE 'stale:%' THEN EXISTS (
               SELECT 1 FROM users u WHERE u.id = (r.input ->> 'user_id')::uuid AND u.fit_scores_stale)
             ELSE false
           END
     ORDER BY r.created_at
     LIMIT ${limit}
     FOR UPDATE SKIP LOCKED`)
}
