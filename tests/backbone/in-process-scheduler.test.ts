import { afterAll, beforeAll, expect, test } from 'bun:test'
import pino from 'pino'
import postgres from 'postgres'
import { inProcessScheduler } from '#shared/schedules/in-process-scheduler.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

let db: TestDatabase
let sql: postgres.Sql

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 6, onnotice: () => {} })
})

afterAll(async () => {
  await sql.end()
  await db.drop()
})

test('where pg_cron is absent, three scheduler instances record each due minute exactly once', async () => {
  // croner accepts a seconds field: every instance fires ~3 times a second, all in one or two due minutes
  const everySecond = [{ name: 'coach', ist: '* * * * * *', agent: 'coach' as const, description: 'test' }]
  const log = pino({ level: 'silent' })
  const schedulers = [inProcessScheduler(sql, log, everySecond), inProcessScheduler(sql, log, everySecond), inProcessScheduler(sql, log, everySecond)]
  for (const scheduler of schedulers) await scheduler.start()
  await Bun.sleep(3_200)
  for (const scheduler of schedulers) await scheduler.stop()
  const triggers = await sql<{ due_at: Date; source: string }[]>`SELECT due_at, source FROM cron_triggers WHERE schedule = 'coach' ORDER BY due_at`
  expect(triggers.length).toBeGreaterThanOrEqual(1)
  expect(triggers.length).toBeLessThanOrEqual(2)
  expect(triggers.every((t) => t.source === 'scheduler' && t.due_at.getSeconds() === 0)).toBe(true)
  const minutes = triggers.map((t) => t.due_at.getTime())
  expect(new Set(minutes).size).toBe(minutes.length)
})
