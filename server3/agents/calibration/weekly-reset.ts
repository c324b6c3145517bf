import type { Sql } from '#shared/db/create-sql.ts'

/**
 * Monday 00:00 IST starts a new apply week: counters go to zero. The WHERE makes it idempotent
 * (a retried or doubled trigger resets nobody twice) and a user created mid-week keeps their start.
 */
export async function resetWeeklyCounters(sql: Sql): Promise<number> {
  const rows = await sql`
    UPDATE users
       SET applies_this_week = 0,
           week_started_at = date_trunc('week', now() AT TIME ZONE 'Asia/Kolkata') AT TIME ZONE 'Asia/Kolkata',
           updated_at = now()
     WHERE week_started_at < date_trunc('week', now() AT TIME ZONE 'Asia/Kolkata') AT TIME ZONE 'Asia/Kolkata'
    RETURNING id`
  return rows.length
}
