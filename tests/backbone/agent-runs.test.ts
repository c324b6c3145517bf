import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import postgres from 'postgres'
import { type AgentImplementation, defineAgent } from '#shared/agents/agent-implementation.ts'
import { startServer } from '#shared/boot/start-server.ts'
import { server2Spec } from '../../server2/index.ts'
import { instrumentAgents } from '../support/counting-agents.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { instanceOptions, startTestCluster, type TestCluster } from '../support/test-servers.ts'
import { waitFor } from '../support/wait-for.ts'
import { signedPost } from '../support/signed-post.ts'

let db: TestDatabase
let sql: postgres.Sql
let cluster: TestCluster
const executions = new Map<string, number>()
let failCoach = false

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4, onnotice: () => {} })
  cluster = await startTestCluster(db.url, ['server3'])
  const agents = instrumentAgents(server2Spec.agents, {
    executions,
    async before(agent) {
      if (agent === 'jd-clean') await Bun.sleep(200)
      if (agent === 'coach' && failCoach) throw new Error('coach exploded on purpose')
    },
  })
  cluster.server2 = await startServer({ ...server2Spec, agents }, cluster.config, instanceOptions(cluster.ports.server2))
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await db.drop()
})

describe('agent runs', () => {
  test('50 concurrent identical POSTs → one run, one execution, same run id for all', async () => {
    const [scrapeRun] = await sql`INSERT INTO scrape_runs (status) VALUES ('succeeded') RETURNING id`
    const input = { scrape_run_id: Number(scrapeRun!.id) }
    await sql`INSERT INTO jobs (source, external_id, title, company, raw_jd, scrape_run_id)
              VALUES ('lever', 'c50', 'SDE', 'Acme', 'Go and Postgres', ${input.scrape_run_id})`
    const responses = await Promise.all(Array.from({ length: 50 }, () => signedPost(cluster.urls.server2, '/api/agents/jd-clean', input)))
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(202))
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { run_id: string; duplicate: boolean }[]
    expect(new Set(bodies.map((b) => b.run_id)).size).toBe(1)
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1)
    await waitFor('the jd-clean run to finish', async () => {
      const [run] = await sql`SELECT status FROM agent_runs WHERE idempotency_key = ${`jd-clean:${input.scrape_run_id}`}`
      return run?.status === 'succeeded'
    })
    const [run] = await sql`SELECT attempts, duration_ms FROM agent_runs WHERE idempotency_key = ${`jd-clean:${input.scrape_run_id}`}`
    expect(run?.attempts).toBe(1)
    expect(run?.duration_ms).toBeGreaterThanOrEqual(200)
    expect(executions.get('jd-clean')).toBe(1)
  })

  test('a POST with a key that already ran returns the existing run and does not run it again', async () => {
    const [scrapeRun] = await sql`INSERT INTO scrape_runs (status) VALUES ('succeeded') RETURNING id`
    const input = { scrape_run_id: Number(scrapeRun!.id) }
    const first = (await (await signedPost(cluster.urls.server2, '/api/agents/jd-clean', input)).json()) as { run_id: string }
    await waitFor('first run', async () => {
      const [run] = await sql`SELECT status FROM agent_runs WHERE id = ${first.run_id}`
      return run?.status === 'succeeded'
    })
    const before = executions.get('jd-clean')
    const second = (await (await signedPost(cluster.urls.server2, '/api/agents/jd-clean', input)).json()) as {
      run_id: string
      status: string
      duplicate: boolean
    }
    expect(second).toEqual({ run_id: first.run_id, status: 'succeeded', duplicate: true })
    await Bun.sleep(300)
    expect(executions.get('jd-clean')).toBe(before)
  })

  test('a run that keeps failing is retried with backoff, then failed and surfaced to operators', async () => {
    failCoach = true
    try {
      const accepted = (await (await signedPost(cluster.urls.server2, '/api/agents/coach', { trigger: 'manual:fail-test' })).json()) as { run_id: string }
      const run = await waitFor('the coach run to fail for good', async () => {
        const [row] = await sql`SELECT status, attempts, error, finished_at FROM agent_runs WHERE id = ${accepted.run_id}`
        return row?.status === 'failed' ? row : null
      })
      expect(run.attempts).toBe(3)
      expect(run.error).toBe('coach exploded on purpose')
      const operator = await sql`SELECT audience, kind, data FROM notifications WHERE dedupe_key = ${`run-failed:${accepted.run_id}`}`
      expect(operator).toHaveLength(1)
      expect(operator[0]).toMatchObject({ audience: 'operator', kind: 'agent_run_failed' })
    } finally {
      failCoach = false
    }
  })
})

describe('a hung run', () => {
  test('an attempt past AGENT_RUN_TIMEOUT_MS is failed and retried instead of holding its lease forever', async () => {
    const db2 = await createTestDatabase()
    const cluster2 = await startTestCluster(db2.url, [], { AGENT_RUN_TIMEOUT_MS: '1000' })
    const sql2 = postgres(db2.url, { max: 2, onnotice: () => {} })
    let attempts = 0
    const hangsOnce = defineAgent('coach', {
      async run() {
        attempts++
        if (attempts === 1) await new Promise(() => {})
        return {}
      },
    }) as AgentImplementation
    cluster2.server2 = await startServer({ ...server2Spec, agents: [hangsOnce] }, cluster2.config, instanceOptions(cluster2.ports.server2))
    try {
      const accepted = await cluster2.server2.deps.engine.accept('coach', { trigger: 'manual:hang' })
      const run = await waitFor('the retried run to succeed', async () => {
        const [row] = await sql2`SELECT status, attempts FROM agent_runs WHERE id = ${accepted.run_id}`
        return row?.status === 'succeeded' ? row : null
      })
      expect(run.attempts).toBe(2)
    } finally {
      await cluster2.stopAll()
      await sql2.end()
      await db2.drop()
    }
  })
})
