/**
 * `bun run schedule:fire <schedule>`: fires a timed schedule now through fire_schedule(), the path
 * pg_cron and the in-process scheduler take, so the owning server claims it and runs its agent
 * (e.g. `coach` for "the next morning", `scrape` for "tonight"). DATABASE_URL or the dev database.
 */
import { config as loadDotenv } from 'dotenv'
import { createSql } from '#shared/db/create-sql.ts'
import { fireScheduleNow, SCHEDULE_NAMES } from '#shared/schedules/fire-schedule-now.ts'

loadDotenv({ quiet: true })
const name = process.argv[2]
if (process.argv.length !== 3 || !name || !SCHEDULE_NAMES.includes(name)) {
  console.error(`usage: bun run schedule:fire <${SCHEDULE_NAMES.join('|')}>`)
  process.exit(2)
}
const url = process.env.DATABASE_URL || `postgres://postgres@127.0.0.1:${process.env.EMBEDDED_DB_PORT || 5499}/postgres`
const sql = createSql(url, { max: 1 })
try {
  const fired = await fireScheduleNow(sql, name)
  console.log(
    fired.fired
      ? `fired ${fired.schedule} (trigger ${fired.trigger_id}, due ${fired.due_at}): ${fired.server} runs ${fired.agent} within seconds`
      : `${fired.schedule} already fired at ${fired.due_at} (trigger ${fired.trigger_id}); try again next minute`,
  )
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error)
  console.error(`could not fire ${name} on ${new URL(url).host}: ${reason} (start bun run dev, or set DATABASE_URL)`)
  process.exitCode = 1
} finally {
  await sql.end({ timeout: 5 })
}
