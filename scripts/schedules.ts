/** `bun run schedules`: name, IST, UTC cron, next run, last run and result (DATABASE_URL or the dev database). */
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { runCli } from '#shared/cli/run-cli.ts'
import { describeSchedules } from '#shared/schedules/describe-schedules.ts'
import { withCliDatabase } from './cli/cli-database.ts'
import { printTable } from './print-table.ts'

loadDotenv({ quiet: true })
await runCli('schedules', async () => {
  parseArgs({ args: process.argv.slice(2), options: {}, strict: true })
  await withCliDatabase(async (sql) => printTable((await describeSchedules(sql)) as unknown as Record<string, unknown>[]))
}, { usage: 'bun run schedules' })
