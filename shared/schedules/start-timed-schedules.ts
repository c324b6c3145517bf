import type { BackgroundTask } from '../boot/background-task.ts'
import type { ServerContext } from '../context.ts'
import { inProcessScheduler } from './in-process-scheduler.ts'
import { locatePgCron, registerPgCronSchedules } from './pg-cron.ts'
import { TIMED_SCHEDULES } from './schedule-table.ts'

/**
 * Who fires the timed schedules. Where pg_cron is loaded, its jobs are (re)registered at start, so a
 * deployment needs no manual step and a changed schedule time takes effect on the next start; pg_cron
 * then fires them with no server involved. Registration is an upsert by job name, so concurrent
 * starts leave the same jobs. It never unschedules: during a rolling deploy an older instance must
 * not remove a newer schedule it does not know (a retired schedule's job is removed by a migration). Where it is not (the embedded database), or it refuses
 * this role's jobs, the in-process scheduler fires the same SQL function. Returns the in-process
 * scheduler to stop, if one was started.
 */
export async function startTimedSchedules(ctx: ServerContext): Promise<BackgroundTask | null> {
  const pgCron = ctx.embedded ? null : await locatePgCron(ctx.sql, ctx.config.DATABASE_URL)
  if (pgCron) {
    try {
      await registerPgCronSchedules(pgCron)
      ctx.log.info({ cron_database: pgCron.cronDatabase, schedules: TIMED_SCHEDULES.length }, 'timed schedules registered with pg_cron')
      return null
    } catch (err) {
      ctx.log.error({ err }, 'pg_cron refused the schedules; firing them in process instead')
    }
  }
  const scheduler = inProcessScheduler(ctx.sql, ctx.log, TIMED_SCHEDULES)
  await scheduler.start()
  return scheduler
}
