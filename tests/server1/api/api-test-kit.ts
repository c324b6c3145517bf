import { expect } from 'bun:test'
import postgres from 'postgres'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { TEST_SECRETS } from '../../support/test-config.ts'
import { startTestCluster, type TestCluster } from '../../support/test-servers.ts'

/** Every table a Server 1 user route can write; a rejected request must leave all of them as they were. */
const WRITABLE_TABLES = [
  'users',
  'resumes',
  'user_connections',
  'job_applications',
  'signals',
  'notifications',
  'payment_events',
  'wa_messages',
  'agent_runs',
] as const

export interface ApiKit {
  db: TestDatabase
  cluster: TestCluster
  sql: postgres.Sql
  url: string
  /** a frontend token for `userId`, whose users row is created first */
  signIn(userId?: string): Promise<{ userId: string; token: string }>
  call(method: string, path: string, options?: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> }): Promise<Response>
  /** row count and content digest per writable table */
  dbState(): Promise<Record<string, string>>
  /** runs `act` and asserts it changed no row in any writable table */
  expectNoChange(act: () => Promise<unknown>): Promise<void>
  stop(): Promise<void>
}

export async function startApiKit(overrides: Record<string, string> = {}, db?: TestDatabase): Promise<ApiKit> {
  const database = db ?? (await createTestDatabase())
  const cluster = await startTestCluster(database.url, ['server1'], overrides)
  const sql = postgres(database.url, { max: 4, onnotice: () => {} })
  const url = cluster.urls.server1

  const kit: ApiKit = {
    db: database,
    cluster,
    sql,
    url,
    async signIn(userId = crypto.randomUUID()) {
      await sql`INSERT INTO users (id) VALUES (${userId}) ON CONFLICT (id) DO NOTHING`
      return { userId, token: await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, userId) }
    },
    call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers }
      if (options.token) headers.authorization = `Bearer ${options.token}`
      let body = options.body
      if (options.json !== undefined) {
        headers['content-type'] = 'application/json'
        body = JSON.stringify(options.json)
      }
      return fetch(`${url}${path}`, { method, headers, body })
    },
    async dbState() {
      const state: Record<string, string> = {}
      for (const table of WRITABLE_TABLES) {
        const [row] = await sql<{ n: number; digest: string }[]>`
          SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest
            FROM ${sql(table)} t`
        state[table] = `${row?.n}:${row?.digest}`
      }
      return state
    },
    async expectNoChange(act) {
      const before = await kit.dbState()
      await act()
      expect(await kit.dbState()).toEqual(before)
    },
    async stop() {
      await cluster.stopAll()
      await sql.end()
      if (!db) await database.drop()
    },
  }
  return kit
}

/** Asserts an error answer: status, and (for 422) the field it names. */
export async function expectError(res: Response, status: number, field?: string) {
  const body = (await res.json()) as { error: string; message: string; field?: string; request_id: string }
  expect(res.status).toBe(status)
  if (field !== undefined) expect(body.field).toBe(field)
  expect(typeof body.request_id).toBe('string')
  return body
}
