import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { type ApiKit, expectError, startApiKit } from './api-test-kit.ts'

let kit: ApiKit
beforeAll(async () => {
  kit = await startApiKit()
})
afterAll(() => kit.stop())

async function insertJob(title = 'Backend Engineer', company = 'Acme Labs'): Promise<number> {
  const [job] = await kit.sql<{ id: string }[]>`
    INSERT INTO jobs (source, external_id, url, title, company, raw_jd)
    VALUES ('greenhouse', ${crypto.randomUUID()}, ${`https://boards.example.test/${crypto.randomUUID()}`}, ${title}, ${company}, 'JD')
    RETURNING id`
  return Number(job?.id)
}

async function insertQueued(userId: string, fitScore = 82): Promise<number> {
  const jobId = await insertJob()
  const [row] = await kit.sql<{ id: string }[]>`
    INSERT INTO job_applications (user_id, job_id, company, title, source, status, auto_status, fit_score)
    VALUES (${userId}, ${jobId}, 'Acme Labs', 'Backend Engineer', 'auto', 'saved', 'queued', ${fitScore})
    RETURNING id`
  return Number(row?.id)
}

const create = (token: string | undefined, body: unknown) => kit.call('POST', '/api/applications', { token, json: body })

describe('POST /api/applications', () => {
  test('a Talvix job → 201, company and title from the job, manual_apply signal', async () => {
    const { userId, token } = await kit.signIn()
    const jobId = await insertJob('Data Engineer', 'Zeta')
    const res = await create(token, { job_id: jobId })
    expect(res.status).toBe(201)
    const app = (await res.json()) as { id: number; applied_at: string | null }
    expect(app).toMatchObject({ job_id: jobId, company: 'Zeta', title: 'Data Engineer', source: 'manual', status: 'applied', auto_status: null })
    expect(app.applied_at).not.toBeNull()
    const signals = await kit.sql`SELECT kind, job_id, application_id FROM signals WHERE user_id = ${userId}`
    expect(signals.map((s) => [s.kind, Number(s.job_id), Number(s.application_id)])).toEqual([['manual_apply', jobId, app.id]])
  })

  test('any other job by URL → 201; saved has no applied_at', async () => {
    const { token } = await kit.signIn()
    const res = await create(token, { job_url: 'https://careers.example.in/jobs/42', company: ' Infosys ', title: 'SDE II', status: 'saved' })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ job_id: null, company: 'Infosys', status: 'saved', applied_at: null })
  })

  test('the same job twice → 409, nothing written (by job id and by URL)', async () => {
    const { token } = await kit.signIn()
    const jobId = await insertJob()
    expect((await create(token, { job_id: jobId })).status).toBe(201)
    const byUrl = { job_url: 'https://careers.example.in/jobs/7', company: 'TCS', title: 'Analyst' }
    expect((await create(token, byUrl)).status).toBe(201)
    await kit.expectNoChange(async () => {
      await expectError(await create(token, { job_id: jobId, status: 'interview' }), 409)
      await expectError(await create(token, byUrl), 409)
    })
  })

  test('another user may apply to the same job', async () => {
    const jobId = await insertJob()
    for (let i = 0; i < 2; i++) expect((await create((await kit.signIn()).token, { job_id: jobId })).status).toBe(201)
  })

  const invalid: [string, unknown, string][] = [
    ['neither job id nor url', { company: 'A', title: 'B' }, 'job_id'],
    ['unknown job id', { job_id: 987654321 }, 'job_id'],
    ['job id not an integer', { job_id: 'seven' }, 'job_id'],
    ['url that is not http(s)', { job_url: 'javascript:alert(1)', company: 'A', title: 'B' }, 'job_url'],
    ['url without company', { job_url: 'https://x.example/1', title: 'B' }, 'company'],
    ['url without title', { job_url: 'https://x.example/1', company: 'A' }, 'title'],
    ['blank company', { job_url: 'https://x.example/1', company: '  ', title: 'B' }, 'company'],
    ['unknown status', { job_url: 'https://x.example/1', company: 'A', title: 'B', status: 'ghosted' }, 'status'],
  ]
  for (const [what, body, field] of invalid) {
    test(`${what} → 422 naming ${field}, nothing written`, async () => {
      const { token } = await kit.signIn()
      await kit.expectNoChange(async () => expectError(await create(token, body), 422, field))
    })
  }

  test('unauthenticated → 401, nothing written', async () => {
    await kit.expectNoChange(async () => expectError(await create(undefined, { job_url: 'https://x.example/1', company: 'A', title: 'B' }), 401))
  })
})

describe('GET /api/applications', () => {
  test('own rows only, filtered, newest first, cursor pages through all', async () => {
    const { userId, token } = await kit.signIn()
    const other = await kit.signIn()
    for (let i = 0; i < 5; i++) await create(token, { job_url: `https://x.example/${i}`, company: `C${i}`, title: 'T', status: i % 2 ? 'interview' : 'applied' })
    await insertQueued(userId)
    await create(other.token, { job_url: 'https://x.example/other', company: 'Other', title: 'T' })

    const seen: string[] = []
    let cursor: number | null = null
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2'
      const res = await kit.call('GET', `/api/applications${query}`, { token })
      expect(res.status).toBe(200)
      const page = (await res.json()) as { items: { id: number; company: string }[]; next_cursor: number | null; total: number }
      expect(page.total).toBe(6)
      seen.push(...page.items.map((a) => a.company))
      cursor = page.next_cursor
    } while (cursor !== null)
    expect(seen).toEqual(['Acme Labs', 'C4', 'C3', 'C2', 'C1', 'C0'])

    const interviews = (await (await kit.call('GET', '/api/applications?status=interview', { token })).json()) as { items: { company: string }[]; total: number }
    expect(interviews.items.map((a) => a.company)).toEqual(['C3', 'C1'])
    expect(interviews.total).toBe(2)
    const queued = (await (await kit.call('GET', '/api/applications?source=auto&auto_status=queued', { token })).json()) as { total: number }
    expect(queued.total).toBe(1)
  })

  const invalid: [string, string][] = [
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=abc', 'limit'],
    ['?cursor=-3', 'cursor'],
    ['?status=ghosted', 'status'],
    ['?source=robot', 'source'],
  ]
  for (const [query, field] of invalid) {
    test(`${query} → 422 naming ${field}`, async () => {
      const { token } = await kit.signIn()
      await expectError(await kit.call('GET', `/api/applications${query}`, { token }), 422, field)
    })
  }

  test('unauthenticated → 401', async () => {
    await expectError(await kit.call('GET', '/api/applications'), 401)
  })
})

describe('POST /api/applications/:id/approve and /skip', () => {
  test('approve a queued apply → approved, signal, apply run for this application', async () => {
    const { userId, token } = await kit.signIn()
    const id = await insertQueued(userId)
    const res = await kit.call('POST', `/api/applications/${id}/approve`, { token })
    expect(res.status).toBe(200)
    const result = (await res.json()) as { application: { auto_status: string }; apply_run_id: string }
    expect(result.application.auto_status).toBe('approved')
    const [run] = await kit.sql`SELECT agent, status, input FROM agent_runs WHERE id = ${result.apply_run_id}`
    expect(run?.agent).toBe('apply')
    expect(run?.input).toMatchObject({ scope: 'application', application_id: id })
    expect(String(run?.input.reason)).toMatch(/^approved:\d{13}$/)
    const signals = await kit.sql`SELECT kind FROM signals WHERE user_id = ${userId} AND application_id = ${id}`
    expect(signals.map((s) => s.kind)).toEqual(['approved'])
  })

  test('approving twice is a no-op the second time; skipping after approving → 409', async () => {
    const { userId, token } = await kit.signIn()
    const id = await insertQueued(userId)
    await kit.call('POST', `/api/applications/${id}/approve`, { token })
    await kit.expectNoChange(async () => {
      const again = await kit.call('POST', `/api/applications/${id}/approve`, { token })
      expect(again.status).toBe(200)
      expect(((await again.json()) as { apply_run_id: string | null }).apply_run_id).toBeNull()
      await expectError(await kit.call('POST', `/api/applications/${id}/skip`, { token }), 409)
    })
  })

  test('skip a queued apply → skipped, signal, no apply run', async () => {
    const { userId, token } = await kit.signIn()
    const id = await insertQueued(userId)
    const runsBefore = await kit.sql`SELECT 1 FROM agent_runs WHERE agent = 'apply'`
    const res = await kit.call('POST', `/api/applications/${id}/skip`, { token })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ application: { auto_status: 'skipped' }, apply_run_id: null })
    expect(await kit.sql`SELECT 1 FROM agent_runs WHERE agent = 'apply'`).toHaveLength(runsBefore.length)
    const signals = await kit.sql`SELECT kind FROM signals WHERE application_id = ${id}`
    expect(signals.map((s) => s.kind)).toEqual(['skipped'])
  })

  test("another user's application → 404, nothing written", async () => {
    const owner = await kit.signIn()
    const intruder = await kit.signIn()
    const id = await insertQueued(owner.userId)
    await kit.expectNoChange(async () => {
      await expectError(await kit.call('POST', `/api/applications/${id}/approve`, { token: intruder.token }), 404)
      await expectError(await kit.call('POST', `/api/applications/${id}/skip`, { token: intruder.token }), 404)
      await expectError(await kit.call('POST', '/api/applications/999999999/approve', { token: intruder.token }), 404)
    })
  })

  test('a manual application cannot be approved → 409, nothing written', async () => {
    const { token } = await kit.signIn()
    const app = (await (await create(token, { job_url: 'https://x.example/m', company: 'A', title: 'B' })).json()) as { id: number }
    await kit.expectNoChange(async () => expectError(await kit.call('POST', `/api/applications/${app.id}/approve`, { token }), 409))
  })

  test('a non-numeric id → 422 naming id; unauthenticated → 401', async () => {
    const { userId, token } = await kit.signIn()
    const id = await insertQueued(userId)
    await kit.expectNoChange(async () => {
      await expectError(await kit.call('POST', '/api/applications/abc/approve', { token }), 422, 'id')
      await expectError(await kit.call('POST', '/api/applications/0/skip', { token }), 422, 'id')
      await expectError(await kit.call('POST', `/api/applications/${id}/approve`), 401)
      await expectError(await kit.call('POST', `/api/applications/${id}/skip`), 401)
    })
  })
})
