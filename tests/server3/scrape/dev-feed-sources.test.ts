import { afterAll, beforeAll, expect, test } from 'bun:test'
import postgres from 'postgres'
import { type FixtureServer, generateFixtureJobs, startGreenhouseFixture } from '../../../scripts/fixtures/job-boards/index.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { startTestCluster } from '../../support/test-servers.ts'
import { postAgent, waitForRun } from '../support/agent-calls.ts'

/**
 * `bun run dev --feed` writes enabled `dev-*` job sources pointing at its own machine. A server on
 * the same database that this dev run did not start (production above all) must never scrape
 * them, whatever `enabled` says: only a server holding the token the run wrote into its rows does.
 */

const TOKEN = 'this-dev-runs-token-0123456789'
let db: TestDatabase
let sql: postgres.Sql
let board: FixtureServer

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 2, onnotice: () => {} })
  board = startGreenhouseFixture({ boards: { acme: generateFixtureJobs({ count: 3, roles: ['Data Analyst'], cities: ['Bengaluru'], seed: 'dev-rule' }) } })
  const boards = (token?: string) => sql.json({ boards: ['acme'], ...(token ? { dev_feed_token: token } : {}) })
  await sql`
    INSERT INTO job_sources (id, kind, base_url, enabled, config) VALUES
      ('acme', 'greenhouse', ${board.url}, TRUE, ${boards()}),
      ('dev-greenhouse', 'greenhouse', ${board.url}, TRUE, ${boards(TOKEN)}),
      ('dev-lever', 'greenhouse', ${board.url}, TRUE, ${boards('another-dev-runs-token-987654')}),
      ('dev-ashby', 'greenhouse', ${board.url}, TRUE, ${boards()})`
  await sql`INSERT INTO users (id, target_roles, locations) VALUES (${crypto.randomUUID()}, ${['Data Analyst']}, ${['Bengaluru']})`
})

afterAll(async () => {
  await board.stop()
  await sql.end()
  await db.drop()
})

/** One scrape by a Server 3 started with these settings: the sources it read. */
async function scrapedBy(trigger: string, settings: Record<string, string>): Promise<string[]> {
  const cluster = await startTestCluster(db.url, ['server3'], { SCRAPE_PACE_MIN_MS: '0', SCRAPE_PACE_MAX_MS: '0', ...settings })
  try {
    const accepted = await postAgent(cluster, 'scrape', { trigger })
    expect((await waitForRun(sql, `scrape:${trigger}`)).status).toBe('succeeded')
    const [run] = await sql<{ source_stats: Record<string, { count: number }> }[]>`SELECT source_stats FROM scrape_runs WHERE agent_run_id = ${accepted.run_id}`
    return Object.keys(run?.source_stats ?? {}).toSorted()
  } finally {
    await cluster.stopAll()
  }
}

test('a server no bun run dev started (production) scrapes the real sources and none of the enabled dev-* rows', async () => {
  expect(await scrapedBy('manual:production', {})).toEqual(['acme'])
})

test("the servers of the dev run that wrote a row scrape it; another run's rows and rows without a token stay unread", async () => {
  expect(await scrapedBy('manual:dev', { DEV_FEED_TOKEN: TOKEN })).toEqual(['acme', 'dev-greenhouse'])
})

test('NODE_ENV=production never scrapes a dev row, even holding its token', async () => {
  expect(await scrapedBy('manual:production-with-token', { DEV_FEED_TOKEN: TOKEN, NODE_ENV: 'production' })).toEqual(['acme'])
})
