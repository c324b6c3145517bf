import type { Hop } from '../agents/agent-implementation.ts'
import { insertOrFindRun } from '../agents/agent-run-queries.ts'
import { newRunFor } from '../agents/record-hops.ts'
import type { Sql } from '../db/create-sql.ts'
import { TIMED_SCHEDULES } from './schedule-table.ts'

/**
 * Turns pending schedule triggers owned by this server into agent runs. Claim, run insert and
 * trigger update share one transaction, so a crash leaves the trigger pending, never half-done.
 */
export async function claimDueTriggers(sql: Sql, scheduleNames: string[], limit = 10): Promise<string[]> {
  if (scheduleNames.length === 0) return []
  return sql.begin(async (tx) => {
    const triggers = await tx<{ id: string; schedule: string }[]>`
      SELECT id, schedule FROM cron_triggers
       WHERE status = 'pending' AND schedule = ANY (${scheduleNames})
       ORDER BY id LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`
    const runIds: string[] = []
    for (const trigger of triggers) {
      const schedule = TIMED_SCHEDULES.find((s) => s.name === trigger.schedule)
      if (!schedule) continue
      // every timed schedule's agent takes { trigger } as its input
      const run = await insertOrFindRun(tx, newRunFor({ agent: schedule.agent, input: { trigger: `cron:${trigger.id}` } } as Hop))
      await tx`
        UPDATE cron_triggers SET status = 'dispatched', dispatched_at = now(), run_id = ${run.id}
         WHERE id = ${trigger.id}`
      runIds.push(run.id)
    }
    return runIds
  })
}
