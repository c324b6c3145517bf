import type { Sql } from '#shared/db/create-sql.ts'
import { deleteInBatches } from './delete-in-batches.ts'
import { RETENTION_DAYS } from './retention-windows.ts'

/**
 * Dispatched schedule triggers past their window. A trigger's (schedule, due_at) key only has to
 * outlive a double fire of the same minute and the start-up backfill (SCHEDULE_BACKFILL_HOURS,
 * at most 48 h); the latest trigger of every schedule stays for `bun run schedules`' last run.
 * A pending trigger is work not yet started and is never pruned.
 */
export function pruneCronTriggers(sql: Sql): Promise<number> {
  return deleteInBatches(sql, 'cron_triggers', 'id', (limit) => sql`
    SELECT t.id FROM cron_triggers t
     WHERE t.status = 'dispatched' AND t.fired_at < now() - make_interval(days => ${RETENTION_DAYS.cronTriggers})
       AND t.due_at < (SELECT max(l.due_at) FROM cron_triggers l WHERE l.schedule = t.schedule)
     ORDER BY t.id
     LIMIT ${limit}
     FOR UPDATE SKIP LOCKED`)
}

/**
 * Fan-out joins past their window. complete_join_sibling answers a missing join exactly as a
 * completed one (false), so a completed join can go; an incomplete one stays while any of its
 * sibling runs is left, since re-running a failed sibling must still be able to complete it.
 */
export function pruneFanoutJoins(sql: Sql): Promise<number> {
  return deleteInBatches(sql, 'fanout_joins', 'join_key', (limit) => sql`
    SELECT f.join_key FROM fanout_joins f
     WHERE f.created_at < now() - make_interval(days => ${RETENTION_DAYS.fanoutJoins})
       AND (f.completed_at IS NOT NULL OR NOT EXISTS (SELECT 1 FROM agent_runs r WHERE r.join_key = f.join_key))
     ORDER BY f.created_at
     LIMIT ${limit}
     FOR UPDATE SKIP LOCKED`)
}
