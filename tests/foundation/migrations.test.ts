import { afterAll, beforeAll, expect, test } from 'bun:test'
import postgres from 'postgres'
import { migrate } from '#shared/db/migrate.ts'
import { realPostgresTest } from '../support/database-mode.ts'
import { createEmptyDatabase, type TestDatabase } from '../support/test-database.ts'

let db: TestDatabase
let sql: postgres.Sql

beforeAll(async () => {
  db = await createEmptyDatabase()
  sql = postgres(db.url, { max: 1, onnotice: () => {} })
})

afterAll(async () => {
  await sql.end()
  await db.drop()
})

test('migrations apply to an empty database, then are a no-op', async () => {
  const first = await migrate(db.url)
  expect(first.applied.length).toBeGreaterThanOrEqual(2)
  const tables = await sql<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`
  expect(tables.map((t) => t.table_name)).toEqual(
    expect.arrayContaining([
      'agent_runs', 'cron_triggers', 'fanout_joins', 'fit_scores', 'job_applications', 'jobs', 'notifications',
      'payment_events', 'plans', 'resumes', 'scrape_runs', 'signals', 'user_connections', 'users', 'wa_messages',
    ]),
  )
  const second = await migrate(db.url)
  expect(second.applied).toEqual([])
  const [count] = await sql`SELECT count(*)::int AS n FROM migrations`
  expect(count?.n).toBe(first.applied.length)
})

test('concurrent starters migrate once (advisory lock)', async () => {
  const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)])
  expect(results.every((r) => r.applied.length === 0)).toBe(true)
})

test('CHECK constraints reject a bad enum value', async () => {
  const user = '00000000-0000-4000-8000-000000000001'
  await sql`INSERT INTO users (id) VALUES (${user})`
  await expect(sql`INSERT INTO notifications (user_id, kind, title, body, status) VALUES (${user}, 'x', 't', 'b', 'archived')`).rejects.toThrow(
    /notifications_status_check/,
  )
  await expect(sql`UPDATE users SET tier = 'gold' WHERE id = ${user}`).rejects.toThrow(/foreign key/)
  await expect(
    sql`INSERT INTO user_connections (user_id, platform, ciphertext, key_id) VALUES (${user}, 'myspace', '\\x00', 'k1')`,
  ).rejects.toThrow(/user_connections_platform_check/)
  const [tier] = await sql`SELECT tier FROM users WHERE id = ${user}`
  expect(tier?.tier).toBe('free')
})

test('every poll in the flag table has a partial index', async () => {
  const indexes = await sql<{ indexname: string; indexdef: string }[]>`
    SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '% WHERE %'`
  const names = indexes.map((i) => i.indexname)
  expect(names).toEqual(
    expect.arrayContaining([
      'users_fit_scores_stale_idx', 'jobs_uncleaned_idx', 'scrape_runs_scoring_pending_idx',
      'job_applications_queued_idx', 'user_connections_invalid_idx', 'agent_runs_pending_idx', 'cron_triggers_pending_idx',
    ]),
  )
})

realPostgresTest('CREATE PUBLICATION (logical replication)')('on Supabase (publication supabase_realtime and auth.uid() exist) notifications and users join the publication, auth.uid() is left as it is', async () => {
  const supabaseLike = await createEmptyDatabase()
  const admin = postgres(supabaseLike.url, { max: 1, onnotice: () => {} })
  try {
    await admin`CREATE PUBLICATION supabase_realtime`
    await admin`CREATE SCHEMA auth`
    await admin`CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT '00000000-0000-4000-8000-00000000000a'::uuid $$`
    await migrate(supabaseLike.url)
    const tables = await admin`SELECT tablename FROM pg_publication_tables WHERE pubname = 'supabase_realtime' ORDER BY tablename`
    expect(tables.map((t) => t.tablename)).toEqual(['notifications', 'users'])
    const [uid] = await admin`SELECT auth.uid() AS id`
    expect(uid?.id).toBe('00000000-0000-4000-8000-00000000000a')
  } finally {
    await admin.end()
    await supabaseLike.drop()
  }
})
