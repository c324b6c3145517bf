import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { SignJWT } from 'jose'
import postgres from 'postgres'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { signInternalRequest } from '#shared/auth/internal-signature.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { TEST_SECRETS } from '../support/test-config.ts'
import { startTestCluster, type TestCluster } from '../support/test-servers.ts'
import { waitFor } from '../support/wait-for.ts'

let db: TestDatabase
let cluster: TestCluster
let sql: postgres.Sql
const USER = '3f1c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f'

beforeAll(async () => {
  db = await createTestDatabase()
  cluster = await startTestCluster(db.url, ['server1', 'server2', 'server3'])
  sql = postgres(db.url, { max: 2 })
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await db.drop()
})

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })

describe('health', () => {
  for (const name of ['server1', 'server2', 'server3'] as const) {
    test(`${name} answers /health with the database reachable`, async () => {
      const res = await fetch(`${cluster.urls[name]}/health`)
      expect(res.status).toBe(200)
      const body = (await res.json()) as Record<string, unknown>
      expect(body).toMatchObject({ status: 'ok', server: name, database: 'ok' })
      expect(typeof body.uptime_s).toBe('number')
    })
  }

  test('OpenAPI documents each server', async () => {
    const res = await fetch(`${cluster.urls.server2}/openapi/json`)
    expect(res.status).toBe(200)
    const spec = (await res.json()) as { paths: Record<string, unknown> }
    expect(Object.keys(spec.paths)).toContain('/api/agents/jd-clean')
  })
})

describe('error contract', () => {
  test('unknown route → JSON 404 with a request id', async () => {
    const res = await fetch(`${cluster.urls.server1}/api/nope`)
    expect(res.status).toBe(404)
    const body = (await res.json()) as Record<string, string>
    expect(body.error).toBe('not_found')
    expect(body.request_id).toBe(res.headers.get('x-request-id') ?? '')
  })

  test('validation error → JSON 422 naming the field, nothing recorded', async () => {
    const body = JSON.stringify({ scrape_run_id: 'seven' })
    const path = '/api/agents/jd-clean'
    const res = await post(`${cluster.urls.server2}${path}`, body, signInternalRequest(TEST_SECRETS.INTERNAL_SIGNING_SECRET, 'POST', path, body))
    expect(res.status).toBe(422)
    const error = (await res.json()) as Record<string, string>
    expect(error).toMatchObject({ error: 'validation_failed', field: 'scrape_run_id' })
    expect([...(await sql`SELECT agent, idempotency_key FROM agent_runs`)]).toEqual([])
  })
})

describe('internal signature on agent routes', () => {
  const path = '/api/agents/jd-clean'
  const body = JSON.stringify({ scrape_run_id: 41 })

  test('unsigned → 401, nothing recorded', async () => {
    const res = await post(`${cluster.urls.server2}${path}`, body)
    expect(res.status).toBe(401)
    expect(((await res.json()) as { message: string }).message).toContain('missing')
    expect(await sql`SELECT 1 FROM agent_runs`).toHaveLength(0)
  })

  test('stale (6 minutes old) → 401', async () => {
    const headers = signInternalRequest(TEST_SECRETS.INTERNAL_SIGNING_SECRET, 'POST', path, body, Date.now() - 6 * 60_000)
    const res = await post(`${cluster.urls.server2}${path}`, body, headers)
    expect(res.status).toBe(401)
    expect(((await res.json()) as { message: string }).message).toContain('stale')
  })

  test('tampered body → 401', async () => {
    const headers = signInternalRequest(TEST_SECRETS.INTERNAL_SIGNING_SECRET, 'POST', path, body)
    const res = await post(`${cluster.urls.server2}${path}`, JSON.stringify({ scrape_run_id: 42 }), headers)
    expect(res.status).toBe(401)
    expect(await sql`SELECT 1 FROM agent_runs`).toHaveLength(0)
  })

  test('signed with another secret → 401', async () => {
    const headers = signInternalRequest('another-secret-that-is-long-enough-000000', 'POST', path, body)
    expect((await post(`${cluster.urls.server2}${path}`, body, headers)).status).toBe(401)
  })

  test('valid signature → 202 with the run id', async () => {
    const headers = signInternalRequest(TEST_SECRETS.INTERNAL_SIGNING_SECRET, 'POST', path, body)
    const res = await post(`${cluster.urls.server2}${path}`, body, headers)
    expect(res.status).toBe(202)
    const accepted = (await res.json()) as { run_id: string; duplicate: boolean }
    expect(accepted.duplicate).toBe(false)
    const [run] = await sql`SELECT idempotency_key FROM agent_runs WHERE id = ${accepted.run_id}`
    expect(run?.idempotency_key).toBe('jd-clean:41')
  })
})

const me = (token?: string) =>
  fetch(`${cluster.urls.server1}/api/me`, token ? { headers: { authorization: `Bearer ${token}` } } : {})

describe('frontend JWT', () => {
  test('valid token → the user', async () => {
    const res = await me(await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, USER))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: USER, tier: 'free', dashboard_ready: false })
  })

  test('missing token → 401', async () => {
    expect((await me()).status).toBe(401)
  })

  test('expired token → 401 saying so', async () => {
    const expired = await new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(USER)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(TEST_SECRETS.SUPABASE_JWT_SECRET))
    const res = await me(expired)
    expect(res.status).toBe(401)
    expect(((await res.json()) as { message: string }).message).toBe('token expired')
  })

  test('forged token (wrong secret) → 401', async () => {
    expect((await me(await issueDevToken('forged-secret-forged-secret-forged-secret!!', USER))).status).toBe(401)
  })

  test('alg "none" token → 401', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')
    const payload = Buffer.from(JSON.stringify({ sub: USER, exp: Date.now() / 1000 + 60 })).toString('base64url')
    expect((await me(`${header}.${payload}.`)).status).toBe(401)
  })
})

describe('Eden round trip', () => {
  test('Server 1 → Server 2 → Server 3: a hop from Server 1 runs on 2 and chains to 3', async () => {
    const [scrapeRun] = await sql`INSERT INTO scrape_runs (status) VALUES ('succeeded') RETURNING id`
    const scrapeRunId = Number(scrapeRun!.id)
    await sql`INSERT INTO jobs (source, external_id, title, company, raw_jd, scrape_run_id)
              VALUES ('naukri', 'rt-1', 'Data Analyst', 'Acme', 'SQL and Excel', ${scrapeRunId})`
    await cluster.server1!.deps.engine.dispatch({ agent: 'jd-clean', input: { scrape_run_id: scrapeRunId } })
    const apply = await waitFor('apply run on server 3', async () => {
      const [run] = await sql`SELECT status FROM agent_runs WHERE idempotency_key = ${`apply:scrape-run:${scrapeRunId}`}`
      return run?.status === 'succeeded' ? run : null
    })
    expect(apply.status).toBe('succeeded')
    const [job] = await sql`SELECT jd_cleaned FROM jobs WHERE external_id = 'rt-1'`
    expect(job?.jd_cleaned).toBe(true)
  })
})
