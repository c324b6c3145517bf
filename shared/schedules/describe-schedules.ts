import { Cron } from 'croner'
import type { Sql } from '../db/create-sql.ts'
import { istToUtcCron } from './ist-to-utc-cron.ts'
import { CHAINED_SCHEDULES, TIMED_SCHEDULES } from './schedule-table.ts'

export interface ScheduleRow {
  name: string
  ist: string
  utc_cron: string
  next_run: string | null
  last_run: string | null
  last_result: string | null
}

/** The operator's table of schedules: declared times, their UTC cron, and what happened last. */
export async function describeSchedules(sql: Sql, now = new Date()): Promise<ScheduleRow[]> {
  const last = await sql<{ schedule: string; fired_at: Date; status: string | null; error: string | null }[]>`
    SELECT DISTINCT ON (t.schedule) t.schedule, t.fired_at, r.status, r.error
      FROM cron_triggers t LEFT JOIN agent_runs r ON r.id = t.run_id
     ORDER BY t.schedule, t.fired_at DESC`
  const lastRun = async (agent: string) => {
    const [row] = await sql<{ created_at: Date; status: string; error: string | null }[]>`
      SELECT created_at, status, error FROM agent_runs WHERE agent = ${agent} ORDER BY created_at DESC LIMIT 1`
    return row
  }
  const timed = TIMED_SCHEDULES.map((s) => {
    const row = last.find((l) => l.schedule === s.name)
    return {
      name: s.name,
      ist: s.ist,
      utc_cron: istToUtcCron(s.ist),
      next_run: new Cron(s.ist, { timezone: 'Asia/Kolkata', paused: true }).nextRun(now)?.toISOString() ?? null,
      last_run: row?.fired_at.toISOString() ?? null,
      last_result: row ? (row.status ?? 'trigger pending') + (row.error ? `: ${row.error}` : '') : null,
    }
  })
  const chained = await Promise.all(
    CHAINED_SCHEDULES.map(async (s) => {
      const run = await lastRun(s.agent)
      return {
        name: s.name,
        ist: `after ${s.after}`,
        utc_cron: '-',
        next_run: null,
        last_run: run?.created_at.toISOString() ?? null,
        last_result: run ? run.status + (run.error ? `: ${run.error}` : '') : null,
      }
    }),
  )
  return [...timed, ...chained]
}
