import { type Static, Type as T } from '@sinclair/typebox'
import { agents } from '../agents/agent-contracts.ts'
import type { Sql } from '../db/create-sql.ts'
import { TIMED_SCHEDULES } from './schedule-table.ts'

export const SCHEDULE_NAMES = TIMED_SCHEDULES.map((s) => s.name)

export const FiredSchedule = T.Object({
  schedule: T.String(),
  agent: T.String(),
  server: T.String({ description: 'the server that claims the trigger and runs the agent' }),
  trigger_id: T.Integer(),
  due_at: T.String({ format: 'date-time', description: 'the minute the trigger is keyed on' }),
  fired: T.Boolean({ description: 'false when this schedule had already fired in this minute: the existing trigger is returned' }),
})
export type FiredSchedule = Static<typeof FiredSchedule>

/**
 * An operator's "run it now" for a timed schedule: the same fire_schedule() pg_cron and the
 * in-process scheduler call, so the owning server claims the trigger and runs its agent exactly as
 * at the scheduled time. Keyed on the current minute like theirs: a double click, a retried request
 * or a fire in the minute pg_cron fired is one trigger, not two runs.
 */
export async function fireScheduleNow(sql: Sql, name: string): Promise<FiredSchedule> {
  const schedule = TIMED_SCHEDULES.find((s) => s.name === name)
  if (!schedule) throw new Error(`no schedule named ${name}; schedules: ${SCHEDULE_NAMES.join(', ')}`)
  const [fired] = await sql<{ id: string | null; due_at: Date }[]>`
    SELECT fire_schedule(${name}, 'manual', date_trunc('minute', now())) AS id, date_trunc('minute', now()) AS due_at`
  if (!fired) throw new Error(`fire_schedule(${name}) returned no row`)
  // Already fired this minute: that trigger is the one that runs (committed by now, or we would still be waiting on its insert).
  const [existing] = fired.id
    ? [{ id: fired.id }]
    : await sql<{ id: string }[]>`SELECT id FROM cron_triggers WHERE schedule = ${name} AND due_at = ${fired.due_at}`
  if (!existing) throw new Error(`no trigger for ${name} at ${fired.due_at.toISOString()}`)
  return {
    schedule: name,
    agent: schedule.agent,
    server: agents[schedule.agent].server,
    trigger_id: Number(existing.id),
    due_at: fired.due_at.toISOString(),
    fired: fired.id !== null,
  }
}
