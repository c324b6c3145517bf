import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import postgres from 'postgres'
import { startServer } from '#shared/boot/start-server.ts'
import { server2Spec } from '../../server2/index.ts'
import { instrumentAgents } from '../support/counting-agents.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { instanceOptions, startTestCluster, type TestCluster } from '../support/test-servers.ts'
import { waitFor } from '../support/wait-for.ts'
import { signedPost } from '../support/signed-post.ts'

/**
 * AGENT_CONCURRENCY is a hard bound, whatever the burst: a fan-out fires hundreds of hops in one
 * tick, and each run may hold a reserved connection (an advisory lock) while it needs another
 * from the pool. Runs beyond the pool's size then wait on each other forever (found by the
 * 2000-user simulated day, where 307 apply runs deadlocked Server 3's ten connections).
 */
const CONCURRENCY = 2
let db: TestDatabase
let sql: postgres.Sql
let cluster: TestCluster
const executions = new Map<string, number>()
let running = 0
let mostAtOnce = 0

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4, onnotice: () => {} })
  cluster = await startTestCluster(db.url, [], { AGENT_CONCURRENCY: String(CONCURRENCY) })
  const agents = instrumentAgents(server2Spec.agents, {
    executions,
    async before() {
      running++
      mostAtOnce = Math.max(mostAtOnce, running)
      await Bun.sleep(30)
      running--
    },
  })
  cluster.server2 = await startServer({ ...server2Spec, agents }, cluster.config, instanceOptions(cluster.ports.server2))
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await db.drop()
})

describe('run concurrency', () => {
  test(`40 distinct runs accepted at once: all of them run, never more than ${CONCURRENCY} at a time`, async () => {
    const scrapeRuns = await sql<{ id: string }[]>`
      INSERT INTO scrape_runs (status) SELECT 'succeeded' FROM generate_series(1, 40) RETURNING id`
    const responses = await Promise.all(scrapeRuns.map((run) => signedPost(cluster.urls.server2, '/api/agents/jd-clean', { scrape_run_id: Number(run.id) })))
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(202))
    await waitFor(
      'all 40 runs to finish',
      async () => {
        const [row] = await sql<{ done: number }[]>`
          SELECT count(*)::int AS done FROM agent_runs WHERE agent = 'jd-clean' AND status = 'succeeded'`
        return row?.done === 40
      },
      30_000,
    )
    expect(executions.get('jd-clean')).toBe(40)
    expect(mostAtOnce).toBe(CONCURRENCY)
  })
})
