import type { Sql } from '../db/create-sql.ts'
import { createSql } from '../db/create-sql.ts'
import { istToUtcCron } from './ist-to-utc-cron.ts'
import { TIMED_SCHEDULES } from './schedule-table.ts'

export interface CronLocation {
  cronDatabase: string
  appDatabase: string
  cronUrl: string
}

/**
 * Where pg_cron lives, or null when it is not loaded. pg_cron keeps its jobs in one database
 * (`cron.database_name`; `postgres` on Supabase) and runs them in any other.
 */
export async function locatePgCron(sql: Sql, databaseUrl: string): Promise<CronLocation | null> {
  const [row] = await sql<{ cron_db: string | null; app_db: string }[]>`
    SELECT current_setting('cron.database_name', true) AS cron_db, current_database() AS app_db`.catch(() => [])
  if (!row?.cron_db) return null
  const url = new URL(databaseUrl)
  url.pathname = `/${row.cron_db}`
  const cronSql = createSql(url.toString(), { max: 1 })
  try {
    const [ext] = await cronSql`SELECT 1 FROM pg_extension WHERE extname = 'pg_cron'`
    if (!ext) return null
  } catch {
    return null
  } finally {
    await cronSql.end({ timeout: 5 })
  }
  return { cronDatabase: row.cron_db, appDatabase: row.app_db, cronUrl: url.toString() }
}

export function cronJobName(appDatabase: string, schedule: string) {
  return `talvix:${appDatabase}:${schedule}`
}

/** Registers (or updates) every timed schedule as a pg_cron job calling fire_schedule in the app database. */
export async function registerPgCronSchedules(location: CronLocation, schedules = TIMED_SCHEDULES) {
  const cronSql = createSql(location.cronUrl, { max: 1 })
  try {
    for (const schedule of schedules) {
      // pg_cron stores the command as text; format(%L) lets Postgres do the quoting
      await cronSql`
        SELECT cron.schedule_in_database(${cronJobName(location.appDatabase, schedule.name)},
                                         ${istToUtcCron(schedule.ist)},
                                         format('SELECT fire_schedule(%L, %L)', ${schedule.name}::text, 'pg_cron'),
                                         ${location.appDatabase})`
    }
  } finally {
    await cronSql.end({ timeout: 5 })
  }
}

export interface PgCronJob {
  jobname: string
  schedule: string
  command: string
  database: string
  active: boolean
}

export async function listPgCronJobs(location: CronLocation): Promise<PgCronJob[]> {
  const cronSql = createSql(location.cronUrl, { max: 1 })
  try {
    return await cronSql<PgCronJob[]>`
      SELECT jobname, schedule, command, database, active FROM cron.job
       WHERE jobname LIKE ${`talvix:${location.appDatabase}:%`} ORDER BY jobname`
  } finally {
    await cronSql.end({ timeout: 5 })
  }
}

export async function unregisterPgCronSchedules(location: CronLocation) {
  const cronSql = createSql(location.cronUrl, { max: 1 })
  try {
    await cronSql`
      SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname LIKE ${`talvix:${location.appDatabase}:%`}`
  } finally {
    await cronSql.end({ timeout: 5 })
  }
}
