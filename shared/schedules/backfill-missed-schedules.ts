import { Cron } from 'croner'
import type { Sql } from '../db/create-sql.ts'
import type { TimedSchedule } from './schedule-table.ts'

/**
 * pg_cron skips runs missed while the database was down. On start, a schedule whose latest due
 * time passed (within the window) with no trigger recorded since fires once for that due time;
 * the (schedule, due_at) key makes this safe from every instance at once.
 */
export async function backfillMissedSchedules(
  sql: Sql,
  schedules: TimedSchedule[],
  windowHours: number,
  now = new Date(),
): Promise<string[]> {
  const fired: string[] = []
  for (const schedule of schedules) {
    const [due] = new Cron(schedule.ist, { timezone: 'Asia/Kolkata', paused: true }).previousRuns(1, now)
    if (!due || now.getTime() - due.getTime() > windowHours * 3_600_000) continue
    const [row] = await sql<{ id: string | null }[]>`
      SELECT CASE WHEN EXISTS (SELECT 1 FROM cron_triggers WHERE schedule = ${schedule.name} AND due_at >= ${due})
                  THEN NULL ELSE fire_schedule(${schedule.name}, 'backfill', ${due}) END AS id`
    if (row?.id) fired.push(schedule.name)
  }
  return fired
}
