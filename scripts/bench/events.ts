/**
 * `bun run bench:events` — the event backbone's three figures, against a real Postgres
 * (TEST_DATABASE_URL or local): POST→202 latency, notification INSERT→WebSocket push latency,
 * and no-op agent runs per second. Last line: one JSON object with the figures.
 */
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { runCli } from '#shared/cli/run-cli.ts'
import { type AgentImplementation, defineAgent } from '#shared/agents/agent-implementation.ts'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { startServer } from '#shared/boot/start-server.ts'
import { server2Spec } from '../../server2/index.ts'
import { connectRealtime, notificationsOf } from '../../tests/support/realtime-client.ts'
import { TEST_SECRETS } from '../../tests/support/test-config.ts'
import { createTestDatabase } from '../../tests/support/test-database.ts'
import { instanceOptions, startTestCluster } from '../../tests/support/test-servers.ts'
import { waitFor } from '../../tests/support/wait-for.ts'
import { percentile } from './percentiles.ts'
import { signedPost } from '../../tests/support/signed-post.ts'
import { requireRealPostgres } from '../cli/require-real-postgres.ts'

const ACCEPT_REQUESTS = 2_000
const PUSH_MESSAGES = 1_000
const THROUGHPUT_RUNS = 5_000

await runCli('bench:events', () => {
  parseArgs({ args: process.argv.slice(2), options: {}, strict: true })
  requireRealPostgres()
}, { usage: 'bun run bench:events' })

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

// 2. notification INSERT → WebSocket message
const userId = crypto.randomUUID()
await sql`INSERT INTO users (id) VALUES (${userId})`
const socket = await connectRealtime(cluster.urls.server1, await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, userId))
const pushMs: number[] = []
for (let i = 0; i < PUSH_MESSAGES; i++) {
  const before = notificationsOf(socket).length
  const started = performance.now()
  await sql`INSERT INTO notifications (user_id, kind, title, body) VALUES (${userId}, 'bench', ${`n${i}`}, 'b')`
  await waitFor('push', () => notificationsOf(socket).length > before, 5_000, 0)
  pushMs.push(performance.now() - started)
}
socket.close()

// 3. no-op runs per second: a backlog of pending runs drained by one Server 2 instance
const base = await succeeded()
await sql`
  INSERT INTO agent_runs (agent, idempotency_key, input)
  SELECT 'coach', 'coach:manual:throughput-' || g, jsonb_build_object('trigger', 'manual:throughput-' || g)
    FROM generate_series(1, ${THROUGHPUT_RUNS}) g`
const drainStarted = performance.now()
await waitFor('throughput runs', async () => (await succeeded()) >= base + THROUGHPUT_RUNS, 300_000, 20)
const runsPerSecond = Math.round(THROUGHPUT_RUNS / ((performance.now() - drainStarted) / 1000))

const figures = {
  accept_p50_ms: percentile(acceptMs, 50),
  accept_p99_ms: percentile(acceptMs, 99),
  push_p50_ms: percentile(pushMs, 50),
  push_p99_ms: percentile(pushMs, 99),
  runs_per_s: runsPerSecond,
}
console.log(`POST→202 over ${ACCEPT_REQUESTS} requests: p50 ${figures.accept_p50_ms} ms, p99 ${figures.accept_p99_ms} ms (target p99 < 10 ms)`)
console.log(`INSERT→push over ${PUSH_MESSAGES} notifications: p50 ${figures.push_p50_ms} ms, p99 ${figures.push_p99_ms} ms (target p99 < 50 ms)`)
console.log(`no-op agent runs: ${figures.runs_per_s} runs/s over ${THROUGHPUT_RUNS} runs (target ≥ 500)`)

await cluster.stopAll()
await sql.end()
await db.drop()
console.log(JSON.stringify(figures))
