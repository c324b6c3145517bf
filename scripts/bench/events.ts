/**
 * `bun run bench:events` — the event backbone's figures, against a real Postgres
 * (TEST_DATABASE_URL or local): POST→202 latency, notification INSERT → callback latency through
 * the real realtime-js client with 200 users subscribed, no-op agent runs per second, and
 * notification commits per second from concurrent writers with and without the delivery_seq
 * trigger (which serialises their commits). Last line: one JSON object with the figures.
 */
import { parseArgs } from 'node:util'
import { loadavg } from 'node:os'
import postgres from 'postgres'
import { runCli } from '#shared/cli/run-cli.ts'
import { type AgentImplementation, defineAgent } from '#shared/agents/agent-implementation.ts'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { startServer } from '#shared/boot/start-server.ts'
import { server2Spec } from '../../server2/index.ts'
import { type DashboardFeed, subscribeDashboard } from '../../tests/support/realtime-client.ts'
import { TEST_SECRETS } from '../../tests/support/test-config.ts'
import { createTestDatabase } from '../../tests/support/test-database.ts'
import { instanceOptions, startTestCluster } from '../../tests/support/test-servers.ts'
import { waitFor } from '../../tests/support/wait-for.ts'
import { percentile } from './percentiles.ts'
import { signedPost } from '../../tests/support/signed-post.ts'
import { requireRealPostgres } from '../cli/require-real-postgres.ts'

const ACCEPT_REQUESTS = 2_000
const PUSH_MESSAGES = 1_000
const PUSH_WARMUP = 50
const SUBSCRIBED_USERS = 200
const PUSH_TIMEOUT_MS = 5_000
const THROUGHPUT_RUNS = 5_000
const COMMIT_WRITERS = 16
const COMMITS_PER_WRITER = 250
/** with and without the trigger, alternated; the median of each is reported */
const COMMIT_ROUNDS = 3

await runCli('bench:events', () => {
  parseArgs({ args: process.argv.slice(2), options: {}, strict: true })
  requireRealPostgres()
}, { usage: 'bun run bench:events' })

const loadAtStart = loadavg()[0]!.toFixed(2)
const db = await createTestDatabase()
const sql = postgres(db.url, { max: 4, onnotice: () => {} })
const cluster = await startTestCluster(db.url, ['server1'], { AGENT_CONCURRENCY: '64', LOG_LEVEL: 'silent' })
const noOpCoach = defineAgent('coach', { run: async () => ({}) }) as AgentImplementation
const agents = [...server2Spec.agents.filter((a) => a.contract.name !== 'coach'), noOpCoach]
cluster.server2 = await startServer({ ...server2Spec, agents }, cluster.config, instanceOptions(cluster.ports.server2))

async function postCoach(trigger: string) {
  const path = '/api/agents/coach'
  const started = performance.now()
  const res = await signedPost(cluster.urls.server2, path, { trigger })
  await res.arrayBuffer()
  if (res.status !== 202) throw new Error(`expected 202, got ${res.status}`)
  return performance.now() - started
}

async function succeeded() {
  const [row] = await sql`SELECT count(*)::int AS n FROM agent_runs WHERE status = 'succeeded'`
  return row!.n as number
}

// 1. POST → 202, sequential, one client (latency, not load)
for (let i = 0; i < 100; i++) await postCoach(`manual:warmup-${i}`)
const acceptMs: number[] = []
for (let i = 0; i < ACCEPT_REQUESTS; i++) acceptMs.push(await postCoach(`manual:accept-${i}`))
await waitFor('accepted runs to drain', async () => (await succeeded()) >= ACCEPT_REQUESTS + 100, 120_000, 100)

// 2. notification INSERT → realtime-js callback, one row at a time, round-robin over 200 subscribed users
const arrivals = new Map<string, (at: number) => void>()
const subscribers: { userId: string; feed: DashboardFeed }[] = await Promise.all(
  Array.from({ length: SUBSCRIBED_USERS }, async () => {
    const userId = crypto.randomUUID()
    await sql`INSERT INTO users (id) VALUES (${userId})`
    const token = await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, userId)
    const feed = await subscribeDashboard(cluster.urls.server1, userId, token, { onNotification: (row) => arrivals.get(row.title)?.(performance.now()) })
    return { userId, feed }
  }),
)
const pushMs: number[] = []
for (let i = 0; i < PUSH_WARMUP + PUSH_MESSAGES; i++) {
  const { userId } = subscribers[i % subscribers.length]!
  const title = `n${i}`
  let timeout: Timer | undefined
  const arrived = new Promise<number>((resolve, reject) => {
    arrivals.set(title, resolve)
    timeout = setTimeout(() => reject(new Error(`${title} not pushed within ${PUSH_TIMEOUT_MS} ms`)), PUSH_TIMEOUT_MS)
  })
  const started = performance.now()
  await sql`INSERT INTO notifications (user_id, kind, title, body) VALUES (${userId}, 'bench', ${title}, 'b')`
  const at = await arrived
  clearTimeout(timeout)
  if (i >= PUSH_WARMUP) pushMs.push(at - started)
}
// every row reached its own user once, and no one else
const delivered = subscribers.reduce((n, { feed }) => n + feed.notifications.length, 0)
const misdelivered = subscribers.filter(({ userId, feed }) => feed.notifications.some((row) => row.user_id !== userId)).length
if (delivered !== PUSH_WARMUP + PUSH_MESSAGES || misdelivered > 0) throw new Error(`delivered ${delivered} rows, ${misdelivered} feeds got another user's`)
await Promise.all(subscribers.map(({ feed }) => feed.close()))

// 3. no-op runs per second: a backlog of pending runs drained by one Server 2 instance
const base = await succeeded()
await sql`
  INSERT INTO agent_runs (agent, idempotency_key, input)
  SELECT 'coach', 'coach:manual:throughput-' || g, jsonb_build_object('trigger', 'manual:throughput-' || g)
    FROM generate_series(1, ${THROUGHPUT_RUNS}) g`
const drainStarted = performance.now()
await waitFor('throughput runs', async () => (await succeeded()) >= base + THROUGHPUT_RUNS, 300_000, 20)
const runsPerSecond = Math.round(THROUGHPUT_RUNS / ((performance.now() - drainStarted) / 1000))
await cluster.stopAll()

// 4. notification commits per second: 16 writers, one row per transaction, spread over the subscribed users;
// the delivery_seq trigger (migration 00009) serialises their commits, disabling it shows what that costs
const writers = postgres(db.url, { max: COMMIT_WRITERS, onnotice: () => {} })
async function notificationCommitsPerSecond(label: string) {
  const started = performance.now()
  await Promise.all(
    Array.from({ length: COMMIT_WRITERS }, async (_, w) => {
      for (let i = 0; i < COMMITS_PER_WRITER; i++) {
        const { userId } = subscribers[(w * COMMITS_PER_WRITER + i) % subscribers.length]!
        await writers`INSERT INTO notifications (user_id, kind, title, body) VALUES (${userId}, 'bench', ${`${label}-${w}-${i}`}, 'b')`
      }
    }),
  )
  return Math.round((COMMIT_WRITERS * COMMITS_PER_WRITER) / ((performance.now() - started) / 1000))
}
await notificationCommitsPerSecond('warmup')
const withSeq: number[] = []
const withoutSeq: number[] = []
for (let round = 0; round < COMMIT_ROUNDS; round++) {
  await sql`ALTER TABLE notifications DISABLE TRIGGER notifications_delivery_seq`
  withoutSeq.push(await notificationCommitsPerSecond(`without-${round}`))
  await sql`ALTER TABLE notifications ENABLE TRIGGER notifications_delivery_seq`
  withSeq.push(await notificationCommitsPerSecond(`with-${round}`))
}
const commitsWithSeq = percentile(withSeq, 50)
const commitsWithoutSeq = percentile(withoutSeq, 50)
await writers.end()

const figures = {
  accept_p50_ms: percentile(acceptMs, 50),
  accept_p99_ms: percentile(acceptMs, 99),
  push_p50_ms: percentile(pushMs, 50),
  push_p99_ms: percentile(pushMs, 99),
  runs_per_s: runsPerSecond,
  notification_commits_per_s: commitsWithSeq,
  notification_commits_per_s_without_delivery_seq: commitsWithoutSeq,
}
console.log(`POST→202 over ${ACCEPT_REQUESTS} requests: p50 ${figures.accept_p50_ms} ms, p99 ${figures.accept_p99_ms} ms (target p99 < 10 ms)`)
console.log(
  `INSERT→realtime-js callback over ${PUSH_MESSAGES} notifications, ${SUBSCRIBED_USERS} users subscribed: p50 ${figures.push_p50_ms} ms, p99 ${figures.push_p99_ms} ms (target p99 < 50 ms)`,
)
console.log(`no-op agent runs: ${figures.runs_per_s} runs/s over ${THROUGHPUT_RUNS} runs (target ≥ 500)`)
console.log(
  `notification commits, ${COMMIT_WRITERS} writers × ${COMMITS_PER_WRITER}, median of ${COMMIT_ROUNDS}: ${commitsWithSeq}/s with the delivery_seq trigger (${withSeq.join(', ')}), ${commitsWithoutSeq}/s without (${withoutSeq.join(', ')})`,
)

console.log(`load average (1 min): ${loadAtStart} at start, ${loadavg()[0]!.toFixed(2)} at end`)

await sql.end()
await db.drop()
console.log(JSON.stringify(figures))
