/**
 * `bun run schedule:fire <schedule>`: fires a timed schedule now through fire_schedule(), the path
 * pg_cron and the in-process scheduler take, so the owning server claims it and runs its agent
 * (e.g. `coach` for "the next morning", `scrape` for "tonight"). DATABASE_URL or the dev database.
 */
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { fireScheduleNow, SCHEDULE_NAMES } from '#shared/schedules/fire-schedule-now.ts'
import { withCliDatabase } from './cli/cli-database.ts'

loadDotenv({ quiet: true })
await runCli('schedule:fire', async () => {
  const { positionals } = parseArgs({ args: process.argv.slice(2), options: {}, allowPositionals: true, strict: true })
  const [name] = positionals
  if (positionals.length !== 1 || !name || !SCHEDULE_NAMES.includes(name)) throw usageError(`name one schedule: ${SCHEDULE_NAMES.join(', ')}`)
  const fired = await withCliDatabase((sql) => fireScheduleNow(sql, name))
  console.log(
    fired.fired
      ? `fired ${fired.schedule} (trigger ${fired.trigger_id}, due ${fired.due_at}): ${fired.server} runs ${fired.agent} within seconds`
      : `${fired.schedule} already fired at ${fired.due_at} (trigger ${fired.trigger_id}); try again next minute`,
  )
}, { usage: 'bun run schedule:fire <schedule>' })
