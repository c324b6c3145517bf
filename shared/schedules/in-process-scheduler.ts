import { Cron } from 'croner'
import type { BackgroundTask } from '../boot/background-task.ts'
import type { Sql } from '../db/create-sql.ts'
import type { Logger } from '../logger.ts'
import type { TimedSchedule } from './schedule-table.ts'

const SCHEDULER_LOCK_KEY = 7_451_220_002

/**
 * Where pg_cron is absent (the embedded database), croner fires the same SQL function in IST.
 * Every server runs one; the advisory lock lets one instance fire and the unique
 * (schedule, due_at) key would absorb a second anyway.
 */
export function inProcessScheduler(sql: Sql, log: Logger, schedules: TimedSchedule[]): BackgroundTask {
  let jobs: Cron[] = []
  const fire = async (schedule: TimedSchedule, due: Date) => {
    await sql.begin(async (tx) => {
      const [lock] = await tx<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SCHEDULER_LOCK_KEY}) AS locked`
      if (!lock?.locked) return
      await tx`SELECT fire_schedule(${schedule.name}, 'scheduler', ${due})`
    })
  }
  return {
    name: 'in-process-scheduler',
    async start() {
      jobs = schedules.map(
        (schedule) =>
          new Cron(schedule.ist, { timezone: 'Asia/Kolkata', protect: true }, async (job: Cron) => {
            const due = job.currentRun() ?? new Date()
            due.setSeconds(0, 0)
            await fire(schedule, due).catch((err) => log.error({ err, schedule: schedule.name }, 'schedule fire failed'))
          }),
      )
    },
    async stop() {
      for (const job of jobs) job.stop()
      jobs = []
    },
  }
}
