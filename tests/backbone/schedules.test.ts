import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import postgres from 'postgres'
import { backfillMissedSchedules } from '#shared/schedules/backfill-missed-schedules.ts'
import { istToUtcCron } from '#shared/schedules/ist-to-utc-cron.ts'
import {
  listPgCronJobs,
  locatePgCron,
  registerPgCronSchedules,
  unregisterPgCronSchedules,
} from '#shared/schedules/pg-cron.ts'
import { TIMED_SCHEDULES } from '#shared/schedules/schedule-table.ts'
import { realPostgresTest } from '../support/database-mode.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { requirePgCron } from '../support/test-machine.ts'
import { startTestCluster } from '../support/test-servers.ts'
import { waitFor } from '../support/wait-for.ts'

let db: TestDatabase
let sql: postgres.Sql

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 2, onnotice: () => {} })
})

afterAll(async () => {
  const location = await locatePgCron(sql, db.url).catch(() => null)
  if (location) await unregisterPgCronSchedules(location)
  await sql.end()
  await db.drop()
})

describe('IST → UTC (pg_cron 1.4 has no time zones)', () => {
  const cases: [string, string][] = [
    ['0 20 * * *', '30 14 * * *'],
    ['30 19 * * *', '0 14 * * *'],
    ['0 7 * * *', '30 1 * * *'],
    ['0 5 * * *', '30 23 * * *'],
    ['30 3 * * *', '0 22 * * *'],
    ['0 0 * * 1', '30 18 * * 0'],
    ['15 3 * * 0,3', '45 21 * * 6,2'],
    ['* * * * *', '* * * * *'],
  ]
  for (const [ist, utc] of cases) test(`${ist} IST → ${utc} UTC`, () => expect(istToUtcCron(ist)).toBe(utc))

  test('Sunday midnight IST (00:00 Monday) is Sunday 18:30 UTC', () => {
    const weekly = TIMED_SCHEDULES.find((s) => s.name === 'calibrate-weekly')!
    expect(istToUtcCron(weekly.ist)).toBe('30 18 * * 0')
  })
})

describe('pg_cron', () => {
  const pgCronTest = realPostgresTest('pg_cron')
  pgCronTest('every timed schedule is registered as a cron.job in the app database', async () => {
    await requirePgCron()
    const location = await locatePgCron(sql, db.url)
    expect(location).not.toBeNull()
    await registerPgCronSchedules(location!)
    await registerPgCronSchedules(location!)
    const jobs = await listPgCronJobs(location!)
    expect(jobs.map((j) => [j.jobname.split(':').at(-1), j.schedule, j.database])).toEqual(
      [
        ['calibrate-daily', '30 23 * * *', db.name],
        ['calibrate-weekly', '30 18 * * 0', db.name],
        ['coach', '30 1 * * *', db.name],
        ['retention', '0 22 * * *', db.name],
        ['scrape', '30 14 * * *', db.name],
        ['session-health', '0 14 * * *', db.name],
      ],
    )
    expect(jobs.every((j) => j.command.startsWith('SELECT fire_schedule('))).toBe(true)
  })

  pgCronTest('a server starting with SCHEDULER=auto registers the timed schedules with pg_cron and leaves a job it does not know; SCHEDULER=off registers none', async () => {
    await requirePgCron()
    const location = (await locatePgCron(sql, db.url))!
    await unregisterPgCronSchedules(location)
    // a newer version's schedule: an older instance starting mid-deploy must not remove it
    await registerPgCronSchedules(location, [{ name: 'newer', ist: '0 9 * * *', agent: 'coach', description: 'a schedule this version does not have' }])
    const jobNames = async () => (await listPgCronJobs(location)).map((j) => j.jobname.split(':').at(-1))

    const off = await startTestCluster(db.url, ['server3'])
    await off.stopAll()
    expect(await jobNames()).toEqual(['newer'])

    const auto = await startTestCluster(db.url, ['server2', 'server3'], { SCHEDULER: 'auto' })
    try {
      expect(await jobNames()).toEqual([...TIMED_SCHEDULES.map((s) => s.name), 'newer'].toSorted())
      const jobs = (await listPgCronJobs(location)).filter((j) => !j.jobname.endsWith(':newer'))
      expect(jobs.every((j) => j.database === db.name && j.active)).toBe(true)
      expect(jobs.map((j) => j.schedule).toSorted()).toEqual(TIMED_SCHEDULES.map((s) => istToUtcCron(s.ist)).toSorted())
    } finally {
      await auto.stopAll()
      await unregisterPgCronSchedules(location)
    }
  })

  pgCronTest(
    'a real pg_cron job (* * * * *) fires and Server 3 runs the scrape within the next minute',
    async () => {
      await requirePgCron()
      const location = (await locatePgCron(sql, db.url))!
      const cluster = await startTestCluster(db.url, ['server3'])
      try {
        await registerPgCronSchedules(location, [
          { name: 'scrape', ist: '* * * * *', agent: 'scrape', description: 'every minute, for this test' },
        ])
        const run = await waitFor(
          'a pg_cron trigger turned into a succeeded scrape run',
          async () => {
            const [row] = await sql`
              SELECT t.source, r.status FROM cron_triggers t JOIN agent_runs r ON r.id = t.run_id
               WHERE t.schedule = 'scrape' AND r.status = 'succeeded'`
            return row
          },
          75_000,
          250,
        )
        expect(run.source).toBe('pg_cron')
      } finally {
        await unregisterPgCronSchedules(location)
        await cluster.stopAll()
      }
    },
    90_000,
  )
})

describe('triggers', () => {
  test('a trigger recorded while its server is down runs when it comes back', async () => {
    const [trigger] = await sql`SELECT fire_schedule('session-health', 'manual') AS id`
    const cluster = await startTestCluster(db.url, [])
    try {
      await Bun.sleep(300)
      const [pending] = await sql`SELECT status FROM cron_triggers WHERE id = ${trigger!.id}`
      expect(pending?.status).toBe('pending')
      await cluster.start('server3')
      const run = await waitFor('the session-health run', async () => {
        const [row] = await sql`
          SELECT r.status, r.idempotency_key FROM cron_triggers t JOIN agent_runs r ON r.id = t.run_id
           WHERE t.id = ${trigger!.id} AND r.status = 'succeeded'`
        return row
      })
      expect(run.idempotency_key).toBe(`session-health:cron:${trigger!.id}`)
    } finally {
      await cluster.stopAll()
    }
  })

  test('firing twice for the same minute records one trigger', async () => {
    const due = new Date('2026-01-01T00:00:00Z')
    const [a] = await sql`SELECT fire_schedule('coach', 'pg_cron', ${due}) AS id`
    const [b] = await sql`SELECT fire_schedule('coach', 'scheduler', ${due}) AS id`
    expect(a?.id).not.toBeNull()
    expect(b?.id).toBeNull()
  })

  test('missed schedules are backfilled once, only inside the window', async () => {
    const now = new Date('2027-03-10T15:00:00Z') // 20:30 IST, after every trigger other tests made
    const fired = await backfillMissedSchedules(sql, TIMED_SCHEDULES, 3, now)
    expect(fired.sort()).toEqual(['scrape', 'session-health'])
    expect(await backfillMissedSchedules(sql, TIMED_SCHEDULES, 3, now)).toEqual([])
    const rows = await sql`SELECT schedule, due_at, source FROM cron_triggers WHERE source = 'backfill' ORDER BY schedule`
    expect(rows.map((r) => [r.schedule, (r.due_at as Date).toISOString()])).toEqual([
      ['scrape', '2027-03-10T14:30:00.000Z'],
      ['session-health', '2027-03-10T14:00:00.000Z'],
    ])
  })
})
