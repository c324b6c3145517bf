import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import postgres from 'postgres'
import { realPostgresTest } from '../support/database-mode.ts'
import { freePort } from '../support/free-port.ts'
import { spawnServer } from '../support/server-process.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { startTestCluster } from '../support/test-servers.ts'
import { waitFor } from '../support/wait-for.ts'
import { signedPost } from '../support/signed-post.ts'

let db: TestDatabase
let sql: postgres.Sql

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4, onnotice: () => {} })
})

afterAll(async () => {
  await sql.end()
  await db.drop()
})

async function seedScrapeRun(externalId: string) {
  const [scrapeRun] = await sql`INSERT INTO scrape_runs (status) VALUES ('succeeded') RETURNING id`
  const id = Number(scrapeRun!.id)
  await sql`INSERT INTO jobs (source, external_id, title, company, raw_jd, scrape_run_id)
            VALUES ('naukri', ${externalId}, 'Accountant', 'Tally House', 'Tally, GST returns', ${id})`
  return id
}

async function runsFor(scrapeRunId: number) {
  return sql<{ agent: string; status: string; attempts: number }[]>`
    SELECT agent, status, attempts FROM agent_runs
     WHERE idempotency_key IN (${`jd-clean:${scrapeRunId}`}, ${`fit-score:delta:${scrapeRunId}`}, ${`apply:scrape-run:${scrapeRunId}`})
     ORDER BY created_at`
}

describe('nothing is lost', () => {
  realPostgresTest('a row lock held by one connection while server processes use others')(
    'kill -9 mid-run: the run is re-claimed after its lease, completes once, and the chain continues',
    async () => {
      const ports = { server2: freePort(), server3: freePort() }
      const env = {
        DATABASE_URL: db.url,
        SERVER2_URL: `http://127.0.0.1:${ports.server2}`,
        SERVER3_URL: `http://127.0.0.1:${ports.server3}`,
        SCHEDULE_BACKFILL_HOURS: '0',
      }
      const scrapeRunId = await seedScrapeRun('kill-1')
      // Holding the job row's lock makes jd-clean block inside its UPDATE: a run truly mid-flight.
      const blocker = await sql.reserve()
      await blocker`BEGIN`
      await blocker`SELECT id FROM jobs WHERE scrape_run_id = ${scrapeRunId} FOR UPDATE`
      let server2 = await spawnServer('server2', env, ports.server2)
      const server3 = await spawnServer('server3', env, ports.server3)
      try {
        const accepted = (await (await signedPost(server2.url, '/api/agents/jd-clean', { scrape_run_id: scrapeRunId })).json()) as {
          run_id: string
        }
        await waitFor('the run to be running under a lease', async () => {
          const [run] = await sql`SELECT status, lease_owner FROM agent_runs WHERE id = ${accepted.run_id}`
          return run?.status === 'running' && run.lease_owner
        })
        await server2.kill('SIGKILL')
        await blocker`ROLLBACK`
        blocker.release()
        server2 = await spawnServer('server2', env, ports.server2)
        await waitFor(
          'the chain to reach apply',
          async () => (await runsFor(scrapeRunId)).filter((r) => r.status === 'succeeded').length === 3,
          20_000,
        )
        const runs = await runsFor(scrapeRunId)
        expect(runs.map((r) => [r.agent, r.status])).toEqual([
          ['jd-clean', 'succeeded'],
          ['fit-score', 'succeeded'],
          ['apply', 'succeeded'],
        ])
        expect(runs[0]?.attempts).toBe(2)
        const [jobs] = await sql`SELECT count(*)::int AS n, bool_and(jd_cleaned) AS cleaned FROM jobs WHERE scrape_run_id = ${scrapeRunId}`
        expect(jobs).toEqual({ n: 1, cleaned: true })
        const [scored] = await sql`SELECT scoring_complete FROM scrape_runs WHERE id = ${scrapeRunId}`
        expect(scored?.scoring_complete).toBe(true)
      } finally {
        await server2.kill('SIGTERM').catch(() => {})
        await server3.kill('SIGTERM').catch(() => {})
      }
    },
    60_000,
  )

  test(
    'target down: Server 3 finishes a scrape while Server 2 is stopped; the chain completes once Server 2 starts',
    async () => {
      const cluster = await startTestCluster(db.url, ['server3'])
      try {
        const accepted = (await (
          await signedPost(cluster.urls.server3, '/api/agents/scrape', { trigger: 'manual:target-down' })
        ).json()) as { run_id: string }
        const scrape = await waitFor('the scrape run to succeed', async () => {
          const [run] = await sql`SELECT status, output FROM agent_runs WHERE id = ${accepted.run_id}`
          return run?.status === 'succeeded' ? run : null
        })
        const scrapeRunId = (scrape.output as { scrape_run_id: number }).scrape_run_id
        await Bun.sleep(2_000)
        const [waiting] = await sql`SELECT status FROM agent_runs WHERE idempotency_key = ${`jd-clean:${scrapeRunId}`}`
        expect(waiting?.status).toBe('pending')
        await cluster.start('server2')
        await waitFor(
          'the chain to complete after Server 2 started',
          async () => (await runsFor(scrapeRunId)).filter((r) => r.status === 'succeeded').length === 3,
        )
        expect((await runsFor(scrapeRunId)).map((r) => r.agent)).toEqual(['jd-clean', 'fit-score', 'apply'])
      } finally {
        await cluster.stopAll()
      }
    },
    30_000,
  )
})
