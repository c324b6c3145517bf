/** `bun run schedules`: name, IST, UTC cron, next run, last run and result (DATABASE_URL or the dev database). */
import { config as loadDotenv } from 'dotenv'
import { createSql } from '#shared/db/create-sql.ts'
import { describeSchedules } from '#shared/schedules/describe-schedules.ts'
import { printTable } from './print-table.ts'

loadDotenv({ quiet: true })
const sql = createSql(process.env.DATABASE_URL || `postgres://postgres@127.0.0.1:${process.env.EMBEDDED_DB_PORT || 5499}/postgres`, { max: 1 })
try {
  printTable((await describeSchedules(sql)) as unknown as Record<string, unknown>[])
} finally {
  await sql.end({ timeout: 5 })
}
