/**
 * `bun run bench:retention [--runs N]` — the nightly retention sweep on a realistic backlog,
 * against a real Postgres (TEST_DATABASE_URL or local): N agent runs (default 1,000,000) spread
 * over 60 days, 60,000 jobs over 180 days with 1,000,000 fit scores, 300,000 WhatsApp messages,
 * 300,000 notifications and 120 days of schedule triggers. The sweep runs the way pg_cron runs
 * it (fire_schedule → Server 3's retention run) while a client keeps inserting agent runs, as
 * the servers do all night: it prints rows deleted and seconds per table, that client's insert
 * latency before and during the sweep, and the next night's sweep (nothing left to delete).
 * Last line: one JSON object with the figures.
 */
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { createTestDatabase } from '../../tests/support/test-database.ts'
import { startTestCluster } from '../../tests/support/test-servers.ts'
import { waitFor } from '../../tests/support/wait-for.ts'
import { requireRealPostgres } from '../cli/require-real-postgres.ts'
import { percentile } from './percentiles.ts'

const RUNS = await runCli('bench:retention', () => {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { runs: { type: 'string', default: '1000000' } }, strict: true })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) throw usageError(`--runs must be a positive whole number, got ${values.runs}`)
  requireRealPostgres()
  return runs
}, { usage: 'bun run bench:retention [--runs N]' })

const db = await createTestDatabase()
const sql = postgres(db.url, { max: 4, onnotice: () => {} })
const say = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`)

say(`seeding ${RUNS.toLocaleString('en-US')} agent runs and the other tables`)
await sql`INSERT INTO users (id) SELECT gen_random_uuid() FROM generate_series(1, 1000)`
// 97% succeeded, 2% failed, 1% a delta fit score; spread evenly over 60 days
await sql`
  INSERT INTO agent_runs (agent, idempotency_key, input, status, attempts, created_at, started_at, finished_at, duration_ms)
  SELECT CASE WHEN i % 100 = 0 THEN 'fit-score' ELSE (ARRAY['apply', 'coach', 'resume-tailor', 'cover-letter', 'skill-gap'])[1 + i % 5] END,
         'bench:' || i,
         CASE WHEN i % 100 = 0 THEN jsonb_build_object('mode', 'delta', 'scrape_run_id', i) ELSE '{}'::jsonb END,
         CASE WHEN i % 50 = 1 THEN 'failed' ELSE 'succeeded' END, 1, at, at, at + interval '2 seconds', 2000
    FROM (SELECT i, now() - (${RUNS} - i) * (interval '60 days' / ${RUNS}) AS at FROM generate_series(1, ${RUNS}) i) s`
// one run in five is a hop of the run before it (parent_run_id, SET NULL when the parent goes)
await sql`
  UPDATE agent_runs c SET parent_run_id = p.id
    FROM agent_runs p
   WHERE c.idempotency_key LIKE 'bench:%' AND p.idempotency_key = 'bench:' || (substr(c.idempotency_key, 7)::int - 1)
     AND substr(c.idempotency_key, 7)::int % 5 = 0`
await sql`
  INSERT INTO jobs (source, external_id, title, company, raw_jd, jd_cleaned, first_seen_at, last_seen_at)
  SELECT 'bench', 'job-' || i, 'Data Analyst ' || i, 'Company ' || (i % 900), repeat('Requirements: SQL, Python, dashboards. ', 40), true,
         now() - (60000 - i) * (interval '180 days' / 60000), now() - (60000 - i) * (interval '180 days' / 60000)
    FROM generate_series(1, 60000) i`
await sql`INSERT INTO job_features (job_id, version, features) SELECT id, 1, '{"terms":{}}' FROM jobs`
await sql`
  INSERT INTO fit_scores (user_id, job_id, score, components, explanation)
  SELECT u.id, j.id, 70 + (j.id % 30)::int, '{}', '{}'
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users) u
    JOIN jobs j ON j.id % 1000 BETWEEN u.n - 1 AND u.n + 15`
await sql`
  INSERT INTO wa_messages (direction, message_id, phone_e164, body, status, created_at)
  SELECT CASE WHEN i % 2 = 0 THEN 'in' ELSE 'out' END, CASE WHEN i % 2 = 0 THEN 'wa-' || i END, '+919800000000',
         'status', CASE WHEN i % 2 = 0 THEN 'processed' ELSE 'sent' END, now() - (300000 - i) * (interval '90 days' / 300000)
    FROM generate_series(1, 300000) i`
await sql`
  INSERT INTO notifications (user_id, kind, title, body, created_at)
  SELECT (SELECT id FROM users LIMIT 1), 'coach', 'Today', 'Three new matches', now() - (300000 - i) * (interval '365 days' / 300000)
    FROM generate_series(1, 300000) i`
await sql`
  INSERT INTO cron_triggers (schedule, due_at, source, status, fired_at, dispatched_at)
  SELECT s, date_trunc('minute', now()) - d * interval '1 day' - k * interval '1 hour', 'pg_cron', 'dispatched',
         now() - d * interval '1 day', now() - d * interval '1 day'
    FROM unnest(ARRAY['session-health', 'scrape', 'calibrate-daily', 'coach', 'calibrate-weekly', 'retention']) WITH ORDINALITY AS t(s, k),
         generate_series(1, 120) d`
await sql`VACUUM ANALYZE`
const [sizes] = await sql<{ runs: number; jobs: number; scores: number; messages: number; notifications: number; triggers: number }[]>`
  SELECT (SELECT count(*)::int FROM agent_runs) AS runs, (SELECT count(*)::int FROM jobs) AS jobs,
         (SELECT count(*)::int FROM fit_scores) AS scores, (SELECT count(*)::int FROM wa_messages) AS messages,
         (SELECT count(*)::int FROM notifications) AS notifications, (SELECT count(*)::int FROM cron_triggers) AS triggers`
say(`seeded: ${JSON.stringify(sizes)}`)

const cluster = await startTestCluster(db.url, ['server3'], { LOG_LEVEL: 'silent', AGENT_RUN_TIMEOUT_MS: String(60 * 60_000) })

/** What the servers do meanwhile: accept agent runs (one INSERT each), timed one by one. */
let inserted = 0
async function insertRuns(until: () => boolean): Promise<number[]> {
  const latencies: number[] = []
  while (!until()) {
    const started = performance.now()
    await sql`INSERT INTO agent_runs (agent, idempotency_key, input) VALUES ('coach', ${`live:${++inserted}`}, '{}')`
    latencies.push(performance.now() - started)
  }
  return latencies
}

async function sweep(due: Date) {
  const started = performance.now()
  const [trigger] = await sql<{ id: string }[]>`SELECT fire_schedule('retention', 'manual', ${due}) AS id`
  const run = await waitFor(
    'the retention run',
    async () => {
      const [row] = await sql<{ status: string; error: string | null; output: { deleted: Record<string, number>; ms: Record<string, number> } | null }[]>`
        SELECT r.status, r.error, r.output FROM cron_triggers t JOIN agent_runs r ON r.id = t.run_id
         WHERE t.id = ${trigger!.id} AND r.status IN ('succeeded', 'failed')`
      return row
    },
    60 * 60_000,
    200,
  )
  if (run.status !== 'succeeded') throw new Error(`retention run ${run.status}: ${run.error}`)
  return { seconds: Math.round(performance.now() - started) / 1000, ...run.output! }
}

const baselineUntil = performance.now() + 10_000
const baseline = await insertRuns(() => performance.now() > baselineUntil)
say(`insert latency alone: p50 ${percentile(baseline, 50)} ms, p99 ${percentile(baseline, 99)} ms over ${baseline.length} inserts`)

let sweeping = true
const during = insertRuns(() => !sweeping)
const minute = Math.floor(Date.now() / 60_000) * 60_000
const first = await sweep(new Date(minute - 2 * 60_000))
sweeping = false
const duringSweep = await during
say(`first sweep: ${first.seconds} s, deleted ${JSON.stringify(first.deleted)}, ms per table ${JSON.stringify(first.ms)}`)
say(`insert latency during the sweep: p50 ${percentile(duringSweep, 50)} ms, p99 ${percentile(duringSweep, 99)} ms, max ${percentile(duringSweep, 100)} ms over ${duringSweep.length} inserts`)
const next = await sweep(new Date(minute - 60_000))
say(`next night (nothing past its window): ${next.seconds} s, ms per table ${JSON.stringify(next.ms)}`)

await cluster.stopAll()
await sql.end()
await db.drop()

console.log(
  JSON.stringify({
    seeded: sizes,
    first_sweep: first,
    next_sweep: next,
    insert_ms_alone: { p50: percentile(baseline, 50), p99: percentile(baseline, 99), n: baseline.length },
    insert_ms_during_sweep: { p50: percentile(duringSweep, 50), p99: percentile(duringSweep, 99), max: percentile(duringSweep, 100), n: duringSweep.length },
  }),
)
