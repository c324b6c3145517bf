import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { type AgentImplementation, defineAgent } from '#shared/agents/agent-implementation.ts'
import { startServer } from '#shared/boot/start-server.ts'
import { server2Spec } from '../../../server2/index.ts'
import { type FixtureServer, generateFixtureJobs, startNaukriFixture } from '../../../scripts/fixtures/job-boards/index.ts'
import { postAgent, waitForRun } from '../../server3/support/agent-calls.ts'
import { TEST_SECRETS } from '../../support/test-config.ts'
import { instanceOptions } from '../../support/test-servers.ts'
import { type ApiKit, expectError, startApiKit } from './api-test-kit.ts'

/**
 * The operator actions that existed only as code — re-running a failed run, pausing a job
 * source, rolling back the scoring weights — through Server 1's admin routes and the CLIs, on
 * the real database with the agents' servers running.
 */

let kit: ApiKit
const fixtures: FixtureServer[] = []
const ADMIN = TEST_SECRETS.ADMIN_TOKEN
let userToken: string

/** Stand-in for the onboarding sibling: the join is the engine's, not the agent's. */
const skillGapStandIn = defineAgent('skill-gap', { userIdOf: (i) => i.user_id, run: async () => ({}) }) as AgentImplementation

beforeAll(async () => {
  kit = await startApiKit({ SCRAPE_PACE_MIN_MS: '0', SCRAPE_PACE_MAX_MS: '0', SCRAPE_RETRY_BASE_MS: '1' })
  await kit.cluster.start('server3')
  kit.cluster.server2 = await startServer({ ...server2Spec, agents: [skillGapStandIn] }, kit.cluster.config, instanceOptions(kit.cluster.ports.server2))
  ;({ token: userToken } = await kit.signIn())
})

afterAll(async () => {
  await kit.stop()
  await Promise.all(fixtures.map((f) => f.stop()))
})

/** Snapshot of the tables an operator action writes, to assert a refused request changed none. */
const digest = (table: string) =>
  kit.sql<{ d: string }[]>`SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM ${kit.sql(table)} t`.then(([r]) => r!.d)

async function operatorTables() {
  return { agent_runs: await digest('agent_runs'), job_sources: await digest('job_sources'), scoring_weights: await digest('scoring_weights'), users: await digest('users') }
}

async function expectRefused(act: () => Promise<Response>, status: number, field?: string) {
  const before = await operatorTables()
  const body = await expectError(await act(), status, field)
  expect(await operatorTables()).toEqual(before)
  return body
}

async function failedRun(agent: string, key: string, input: object, extra: { joinKey?: string; userId?: string } = {}): Promise<string> {
  const [row] = await kit.sql<{ id: string }[]>`
    INSERT INTO agent_runs (agent, idempotency_key, input, status, attempts, max_attempts, error, finished_at, join_key, user_id)
    VALUES (${agent}, ${key}, ${kit.sql.json(input as never)}, 'failed', 3, 3, 'boom', now(), ${extra.joinKey ?? null}, ${extra.userId ?? null})
    RETURNING id`
  return row!.id
}

/** A script as an operator runs it, against the test database. */
async function cli(args: string[]) {
  const child = Bun.spawn(['bun', ...args], { env: { ...process.env, DATABASE_URL: kit.db.url, LOG_LEVEL: 'silent' }, stdout: 'pipe', stderr: 'pipe' })
  const [exitCode, stdout, stderr] = await Promise.all([child.exited, new Response(child.stdout).text(), new Response(child.stderr).text()])
  return { exitCode, stdout, stderr }
}

const rerun = (id: string, token: string | null = ADMIN) => kit.call('POST', `/api/admin/runs/${id}/rerun`, { token: token ?? undefined })
const patchSource = (id: string, json: unknown, token: string = ADMIN) => kit.call('PATCH', `/api/admin/sources/${id}`, { token, json })
const rollback = (json: unknown, token: string = ADMIN) => kit.call('POST', '/api/admin/scoring-weights/rollback', { token, json })

/** The source ids the scrape run started by `trigger` searched. */
const searchedBy = (trigger: string) =>
  waitForRun(kit.sql, `scrape:${trigger}`, 30_000).then(async (run) => {
    expect(run.status).toBe('succeeded')
    const [row] = await kit.sql<{ source_stats: Record<string, unknown> }[]>`SELECT source_stats FROM scrape_runs WHERE agent_run_id = ${run.id}`
    return Object.keys(row!.source_stats).sort()
  })

describe('re-run a failed run: POST /api/admin/runs/:id/rerun', () => {

  test('a new run with a derived key goes through the engine; asking twice (even at once) gives the same one', async () => {
    const failed = await failedRun('session-health', 'session-health:manual:broken', { trigger: 'manual:broken' })
    const answers = await Promise.all([rerun(failed), rerun(failed)])
    expect(answers.map((r) => r.status)).toEqual([202, 202])
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { run_id: string; duplicate: boolean }[]
    expect(bodies[0]!.run_id).toBe(bodies[1]!.run_id)
    expect(bodies.map((b) => b.duplicate).sort()).toEqual([false, true])

    const done = await waitForRun(kit.sql, `rerun:${failed}`)
    expect(done).toMatchObject({ id: bodies[0]!.run_id, status: 'succeeded' })
    const children = await kit.sql`SELECT agent, input, parent_run_id FROM agent_runs WHERE parent_run_id = ${failed}`
    expect([...children]).toEqual([{ agent: 'session-health', input: { trigger: 'manual:broken' }, parent_run_id: failed }])
    const [original] = await kit.sql`SELECT status, error, attempts FROM agent_runs WHERE id = ${failed}`
    expect(original).toEqual({ status: 'failed', error: 'boom', attempts: 3 })

    const again = await rerun(failed)
    expect(again.status).toBe(202)
    expect(await again.json()).toEqual({ run_id: bodies[0]!.run_id, status: 'succeeded', duplicate: true })
  }, 30_000)

  test('a run that has not failed is a 409, an unknown run a 404, a malformed id a 422; nothing changes', async () => {
    const [succeeded] = await kit.sql<{ id: string }[]>`
      INSERT INTO agent_runs (agent, idempotency_key, input, status) VALUES ('coach', 'coach:manual:fine', '{"trigger":"manual:fine"}', 'succeeded') RETURNING id`
    const [pending] = await kit.sql<{ id: string }[]>`
      INSERT INTO agent_runs (agent, idempotency_key, input, next_attempt_at) VALUES ('coach', 'coach:manual:later', '{"trigger":"manual:later"}', now() + interval '1 day') RETURNING id`
    expect((await expectRefused(() => rerun(succeeded!.id), 409)).message).toContain('is succeeded, not failed')
    expect((await expectRefused(() => rerun(pending!.id), 409)).message).toContain('is pending, not failed')
    await expectRefused(() => rerun(crypto.randomUUID()), 404)
    await expectRefused(() => rerun('not-a-uuid'), 422, 'id')
  })

  test('only an operator may: a user token or none is refused and nothing changes', async () => {
    const failed = await failedRun('coach', 'coach:manual:refused', { trigger: 'manual:refused' })
    await expectRefused(() => rerun(failed, userToken), 401)
    await expectRefused(() => rerun(failed, null), 401)
  })

  test('a re-run failed onboarding sibling completes the join: the dashboard becomes ready, once', async () => {
    const { userId } = await kit.signIn()
    const joinKey = `onboarding:${crypto.randomUUID()}`
    await kit.sql`
      INSERT INTO fanout_joins (join_key, kind, user_id, expected, succeeded)
      VALUES (${joinKey}, 'onboarding', ${userId}, ${['skill-gap', 'career-intel', 'fit-score']}, ${['career-intel', 'fit-score']})`
    const failed = await failedRun('skill-gap', `skill-gap:${userId}:resume:x`, { user_id: userId, reason: 'resume:x' }, { joinKey, userId })
    expect((await rerun(failed)).status).toBe(202)
    await waitForRun(kit.sql, `rerun:${failed}`)
    const [user] = await kit.sql`SELECT dashboard_ready FROM users WHERE id = ${userId}`
    expect(user?.dashboard_ready).toBe(true)
    const [join] = await kit.sql`SELECT completed_at FROM fanout_joins WHERE join_key = ${joinKey}`
    expect(join?.completed_at).toBeInstanceOf(Date)
    const ready = await kit.sql`SELECT 1 FROM notifications WHERE user_id = ${userId} AND kind = 'dashboard_ready'`
    expect(ready).toHaveLength(1)
  }, 30_000)

  test('bun run runs --rerun does the same from a terminal', async () => {
    const failed = await failedRun('coach', 'coach:manual:cli', { trigger: 'manual:cli' })
    const first = await cli(['scripts/runs.ts', '--rerun', failed])
    expect(first.exitCode).toBe(0)
    const [row] = await kit.sql<{ id: string }[]>`SELECT id FROM agent_runs WHERE idempotency_key = ${`rerun:${failed}`}`
    expect(first.stdout).toContain(`re-running ${failed} as ${row!.id}`)
    const second = await cli(['scripts/runs.ts', '--rerun', failed])
    expect(second.stdout).toContain(`was already re-run as ${row!.id}`)
    const notFailed = await cli(['scripts/runs.ts', '--rerun', row!.id])
    expect(notFailed.exitCode).toBe(1)
    expect(notFailed.stderr.trim()).toMatch(new RegExp(`^runs: agent run ${row!.id} is (pending|running|succeeded), not failed`))
  }, 30_000)
})

describe('pause a job source: PATCH /api/admin/sources/:id', () => {
  let steady: FixtureServer
  let paused: FixtureServer

  beforeAll(async () => {
    const jobs = generateFixtureJobs({ count: 3, roles: ['Data Analyst'], cities: ['Bengaluru'], seed: 'operator' })
    steady = startNaukriFixture({ jobs, seed: 'steady' })
    paused = startNaukriFixture({ jobs, seed: 'paused' })
    fixtures.push(steady, paused)
    await kit.sql`UPDATE job_sources SET enabled = FALSE`
    await kit.sql`
      INSERT INTO job_sources (id, kind, base_url, enabled) VALUES ('feed-steady', 'naukri', ${steady.url}, TRUE), ('feed-paused', 'naukri', ${paused.url}, TRUE)`
    await kit.sql`INSERT INTO users (id, target_roles, locations) VALUES (${crypto.randomUUID()}, ${['Data Analyst']}, ${['Bengaluru']})`
  })

  test('the operator sees the sources and pauses one; pausing again changes nothing', async () => {
    const listed = await kit.call('GET', '/api/admin/sources', { token: ADMIN })
    expect(listed.status).toBe(200)
    expect(((await listed.json()) as { id: string; enabled: boolean }[]).filter((s) => s.enabled).map((s) => s.id)).toEqual(['feed-paused', 'feed-steady'])
    for (let i = 0; i < 2; i++) {
      const res = await patchSource('feed-paused', { enabled: false })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ id: 'feed-paused', kind: 'naukri', base_url: paused.url, enabled: false })
    }
  })

  test('the next scrape skips the paused source; resumed, the one after searches it again', async () => {
    await postAgent(kit.cluster, 'scrape', { trigger: 'manual:while-paused' })
    expect(await searchedBy('manual:while-paused')).toEqual(['feed-steady'])
    expect(paused.requests).toHaveLength(0)
    expect(steady.requests.length).toBeGreaterThan(0)

    expect((await patchSource('feed-paused', { enabled: true })).status).toBe(200)
    await postAgent(kit.cluster, 'scrape', { trigger: 'manual:resumed' })
    expect(await searchedBy('manual:resumed')).toEqual(['feed-paused', 'feed-steady'])
    expect(paused.requests.length).toBeGreaterThan(0)
  }, 60_000)

  test('an unknown source is a 404, a bad body a 422, a user a 401; nothing changes', async () => {
    await expectRefused(() => patchSource('no-such-source', { enabled: false }), 404)
    await expectRefused(() => patchSource('feed-steady', { enabled: 'no' }), 422, 'enabled')
    await expectRefused(() => patchSource('feed-steady', {}), 422, 'enabled')
    await expectRefused(() => patchSource('feed-steady', { enabled: false }, userToken), 401)
    await expectRefused(() => kit.call('GET', '/api/admin/sources', { token: userToken }), 401)
  })

  test('bun run sources --pause / --resume does the same from a terminal', async () => {
    const pausedOut = await cli(['scripts/sources.ts', '--pause', 'feed-steady'])
    expect(pausedOut.exitCode).toBe(0)
    expect(pausedOut.stdout).toMatch(/feed-steady\s+naukri\s+\S+\s+paused/)
    const [row] = await kit.sql`SELECT enabled FROM job_sources WHERE id = 'feed-steady'`
    expect(row?.enabled).toBe(false)
    expect((await cli(['scripts/sources.ts', '--resume', 'feed-steady'])).stdout).toMatch(/feed-steady\s+naukri\s+\S+\s+enabled/)
    const unknown = await cli(['scripts/sources.ts', '--pause', 'no-such-source'])
    expect({ exitCode: unknown.exitCode, stderr: unknown.stderr.trim() }).toEqual({ exitCode: 1, stderr: 'sources: job source no-such-source not found' })
  }, 30_000)
})

describe('roll back the scoring weights: POST /api/admin/scoring-weights/rollback', () => {
  let original: number
  let calibrated: number
  let scoredUser: string

  beforeAll(async () => {
    const [active] = await kit.sql<{ version: number; weights: object }[]>`SELECT version, weights FROM scoring_weights WHERE is_active`
    original = active!.version
    await kit.sql`UPDATE scoring_weights SET is_active = FALSE WHERE version = ${original}`
    const [next] = await kit.sql<{ version: number }[]>`
      INSERT INTO scoring_weights (weights, is_active, reason, previous_version, activated_at)
      VALUES (${kit.sql.json({ ...active!.weights, location: 0.3 } as never)}, TRUE, 'weekly calibration', ${original}, now()) RETURNING version`
    calibrated = next!.version
    ;({ userId: scoredUser } = await kit.signIn())
    const [job] = await kit.sql<{ id: string }[]>`
      INSERT INTO jobs (source, external_id, title, company, raw_jd) VALUES ('naukri', 'weights-1', 'Analyst', 'Co', 'x') RETURNING id`
    await kit.sql`INSERT INTO fit_scores (user_id, job_id, score, components, explanation, weights_version) VALUES (${scoredUser}, ${job!.id}, 70, '{}', '{}', ${calibrated})`
    await kit.sql`UPDATE users SET fit_scores_stale = FALSE WHERE id = ${scoredUser}`
  })

  test('the operator sees the versions, newest first, and which is active', async () => {
    const res = await kit.call('GET', '/api/admin/scoring-weights', { token: ADMIN })
    expect(res.status).toBe(200)
    const versions = (await res.json()) as { version: number; is_active: boolean; previous_version: number | null }[]
    expect(versions.map((v) => [v.version, v.is_active, v.previous_version])).toEqual([
      [calibrated, true, original],
      [original, false, null],
    ])
  })

  test('a version that does not exist is a 404, a newer one a 409, a bad body a 422, a user a 401; nothing changes', async () => {
    expect((await expectRefused(() => rollback({ to_version: 999 }), 404)).message).toBe('scoring weights version 999 does not exist')
    await expectRefused(() => rollback({ to_version: calibrated + 1 }), 404)
    await expectRefused(() => rollback({ to_version: 'previous' }), 422, 'to_version')
    await expectRefused(() => rollback({ to_version: 0 }), 422, 'to_version')
    await expectRefused(() => rollback({}), 422, 'to_version')
    await expectRefused(() => rollback({ to_version: original }, userToken), 401)
  })

  test('rolling back activates the earlier version and rescans scored users; asking again changes nothing', async () => {
    const res = await rollback({ to_version: original })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ active: original, rolled_back: calibrated, stale_users: 1 })
    const rows = await kit.sql`SELECT version, is_active, rolled_back_at IS NOT NULL AS rolled_back FROM scoring_weights ORDER BY version`
    expect([...rows]).toEqual([
      { version: original, is_active: true, rolled_back: false },
      { version: calibrated, is_active: false, rolled_back: true },
    ])
    const [user] = await kit.sql`SELECT fit_scores_stale FROM users WHERE id = ${scoredUser}`
    expect(user?.fit_scores_stale).toBe(true)

    const before = await operatorTables()
    const repeated = await rollback({ to_version: original })
    expect(await repeated.json()).toEqual({ active: original, rolled_back: null, stale_users: 0 })
    expect(await operatorTables()).toEqual(before)
    expect((await expectRefused(() => rollback({ to_version: calibrated }), 409)).message).toContain('is newer than the active version')
  })

  test('bun run scoring-weights lists the versions and --rollback-to says what it did', async () => {
    const listed = await cli(['scripts/scoring-weights.ts'])
    expect(listed.exitCode).toBe(0)
    expect(listed.stdout).toMatch(new RegExp(`^${calibrated}\\s+rolled back\\s+${original}\\s+weekly calibration`, 'm'))
    const same = await cli(['scripts/scoring-weights.ts', '--rollback-to', String(original)])
    expect(same.stdout).toContain(`version ${original} is already active; nothing changed`)
    const missing = await cli(['scripts/scoring-weights.ts', '--rollback-to', '999'])
    expect({ exitCode: missing.exitCode, stderr: missing.stderr.trim() }).toEqual({
      exitCode: 1,
      stderr: 'scoring-weights: scoring weights version 999 does not exist',
    })
  }, 30_000)
})
