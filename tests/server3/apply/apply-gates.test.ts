import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { waitFor } from '../../support/wait-for.ts'
import { postAgent, waitForApplyIdle, waitForRun } from '../support/agent-calls.ts'
import { type ApplyWorld, startApplyWorld } from '../support/apply-world.ts'
import { seedConnection, seedJob, seedScore, seedUser } from '../support/seed.ts'

let world: ApplyWorld
let cluster: ApplyWorld['cluster']
let sql: ApplyWorld['sql']
let portal: ApplyWorld['portal']
let smtp: ApplyWorld['smtp']
let dataDir: string

beforeAll(async () => {
  world = await startApplyWorld('apply', { APPLY_DAILY_CAPS: 'linkedin:40,email:60,default:40' })
  ;({ cluster, sql, portal, smtp, dataDir } = world)
})

afterAll(async () => {
  await world.stop()
})

const session = () => world.session()
let jobSeq = 0
const portalJob = (opts: { company?: string; title?: string } = {}) => {
  jobSeq++
  return seedJob(sql, { source: 'linkedin', url: `${portal.url}/jobs/g-${jobSeq}`, company: opts.company ?? `Gate Co ${jobSeq}`, title: opts.title ?? 'Data Analyst' })
}
const submissionsFor = (jobId: number) => sql`SELECT url FROM jobs WHERE id = ${jobId}`.then(([j]) => portal.submissions.filter((s) => `${portal.url}${s.jobId}` === j?.url))
const applications = (userId: string) =>
  sql<{ id: string; job_id: string; auto_status: string; failure_reason: string | null; channel: string | null }[]>`
    SELECT id, job_id, auto_status, failure_reason, channel FROM job_applications WHERE user_id = ${userId} ORDER BY id`

async function runUser(userId: string, reason: string) {
  await postAgent(cluster, 'apply', { scope: 'user', user_id: userId, reason })
  const run = await waitForRun(sql, `apply:user:${userId}:${reason}`)
  await waitForApplyIdle(sql)
  return run
}

describe('Agent 12 gates', () => {
  test('fit below 75 applies straight away (browser), no tailoring or cover letter', async () => {
    const user = await seedUser(sql, dataDir)
    await seedConnection(sql, user, 'linkedin', session())
    const job = await portalJob()
    await seedScore(sql, user, job, 70)
    const run = await runUser(user, 'gate:low')
    expect(run.status).toBe('succeeded')
    const [app] = await applications(user)
    expect(app).toMatchObject({ auto_status: 'applied', channel: 'browser' })
    expect(await submissionsFor(job)).toHaveLength(1)
    const prep = await sql`SELECT 1 FROM agent_runs WHERE idempotency_key IN (${`resume-tailor:${app!.id}`}, ${`cover-letter:${app!.id}`})`
    expect(prep).toHaveLength(0)
    const [notice] = await sql`SELECT kind, title FROM notifications WHERE user_id = ${user} AND kind = 'apply_applied'`
    expect(notice?.title).toBe(`Applied: Data Analyst at Gate Co ${jobSeq}`)
    const [wa] = await sql`SELECT status FROM wa_messages WHERE user_id = ${user} AND kind = 'apply_applied'`
    expect(wa?.status).toBe('pending')
    const [u] = await sql`SELECT applies_this_week FROM users WHERE id = ${user}`
    expect(u?.applies_this_week).toBe(1)
  }, 60_000)

  test('fit 75 or more: tailoring ∥ cover letter join first, then the apply', async () => {
    const user = await seedUser(sql, dataDir)
    await seedConnection(sql, user, 'linkedin', session())
    const job = await portalJob()
    await seedScore(sql, user, job, 88)
    await runUser(user, 'gate:high')
    const [app] = await applications(user)
    expect(app?.auto_status).toBe('applied')
    const prep = await sql<{ idempotency_key: string; status: string }[]>`
      SELECT idempotency_key, status FROM agent_runs WHERE idempotency_key IN (${`resume-tailor:${app!.id}`}, ${`cover-letter:${app!.id}`})`
    expect(prep.map((r) => r.status)).toEqual(['succeeded', 'succeeded'])
    const [prepJoin] = await sql`SELECT completed_at FROM fanout_joins WHERE join_key = ${`apply-prep:${app!.id}`}`
    expect(prepJoin?.completed_at).toBeInstanceOf(Date)
    expect(await submissionsFor(job)).toHaveLength(1)
  }, 60_000)

  test('email apply: posting with an address goes by SMTP with the resume attached', async () => {
    const user = await seedUser(sql, dataDir)
    await seedConnection(sql, user, 'linkedin', session())
    const job = await seedJob(sql, { source: 'naukri', url: null, applyEmail: 'careers@acme.example', company: 'Mail Co', title: 'Data Analyst' })
    await seedScore(sql, user, job, 70)
    await runUser(user, 'gate:email')
    const [app] = await applications(user)
    expect(app).toMatchObject({ auto_status: 'applied', channel: 'email' })
    const mail = smtp.messages.find((m) => m.to.includes('careers@acme.example'))
    expect(mail?.raw).toContain('Subject: Application for Data Analyst - Asha Rao')
    expect(mail?.raw).toContain('filename=Asha_Rao_Resume.pdf')
    expect(mail?.raw).toContain(`Message-ID: <talvix-apply-${app!.id}@talvix.app>`)
  }, 60_000)

  test('invalid session: the user is skipped, nothing is picked or sent', async () => {
    const user = await seedUser(sql, dataDir)
    await seedConnection(sql, user, 'linkedin', session(), false)
    const job = await portalJob()
    await seedScore(sql, user, job, 90)
    const run = await runUser(user, 'gate:invalid')
    expect(run.output).toMatchObject({ picked: 0, skipped: 'a platform session is invalid' })
    expect(await applications(user)).toHaveLength(0)
    expect(await submissionsFor(job)).toHaveLength(0)
  }, 60_000)

  test('quota exhausted: nothing picked, one "limit reached" notice per week', async () => {
    const user = await seedUser(sql, dataDir, { appliesThisWeek: 50 })
    await seedConnection(sql, user, 'linkedin', session())
    await seedScore(sql, user, await portalJob(), 90)
    const first = await runUser(user, 'gate:quota1')
    await runUser(user, 'gate:quota2')
    expect(first.output).toMatchObject({ picked: 0, skipped: 'weekly quota exhausted' })
    expect(await applications(user)).toHaveLength(0)
    expect(await sql`SELECT 1 FROM notifications WHERE user_id = ${user} AND kind = 'apply_quota_reached'`).toHaveLength(1)
  }, 60_000)

  test('quota left for one: only the best match is picked', async () => {
    const user = await seedUser(sql, dataDir, { appliesThisWeek: 49 })
    await seedConnection(sql, user, 'linkedin', session())
    const best = await portalJob()
    await seedScore(sql, user, best, 72)
    await seedScore(sql, user, await portalJob(), 65)
    await runUser(user, 'gate:quota-one')
    const apps = await applications(user)
    expect(apps.map((a) => [Number(a.job_id), a.auto_status])).toEqual([[best, 'applied']])
  }, 60_000)

  test('review mode: queued and not sent; approved → applied; review mode expired → released and applied', async () => {
    const user = await seedUser(sql, dataDir, { reviewUntil: new Date(Date.now() + 86_400_000) })
    await seedConnection(sql, user, 'linkedin', session())
    const first = await portalJob()
    const second = await portalJob()
    await seedScore(sql, user, first, 70)
    await seedScore(sql, user, second, 68)
    const run = await runUser(user, 'gate:review')
    expect(run.output).toMatchObject({ picked: 2, queued: 2 })
    expect((await applications(user)).map((a) => a.auto_status)).toEqual(['queued', 'queued'])
    expect(await submissionsFor(first)).toHaveLength(0)
    expect(await sql`SELECT 1 FROM notifications WHERE user_id = ${user} AND kind = 'apply_queued'`).toHaveLength(1)

    // a queued application's own run does nothing while the user has not approved
    const [queuedApp] = await applications(user)
    await postAgent(cluster, 'apply', { scope: 'application', application_id: Number(queuedApp!.id), reason: 'poke:1' })
    expect((await waitForRun(sql, `apply:application:${queuedApp!.id}:poke:1`)).output).toMatchObject({ status: 'queued' })

    // approved by the user (dashboard / WhatsApp set the status and call Agent 12)
    await sql`UPDATE job_applications SET auto_status = 'approved' WHERE id = ${queuedApp!.id}`
    await postAgent(cluster, 'apply', { scope: 'application', application_id: Number(queuedApp!.id), reason: 'approved:1' })
    await waitForRun(sql, `apply:application:${queuedApp!.id}:approved:1`)
    expect(await submissionsFor(first)).toHaveLength(1)
    expect(await submissionsFor(second)).toHaveLength(0)

    // review mode ends: the poller releases what is still queued to Agent 12
    await sql`UPDATE users SET review_mode_until = now() - interval '1 minute' WHERE id = ${user}`
    await waitFor('released queued apply', async () => ((await applications(user)).every((a) => a.auto_status === 'applied') ? true : null), 30_000, 100)
    expect(await submissionsFor(second)).toHaveLength(1)
  }, 90_000)

  test('captcha: the apply stops, the connection is invalid, the user is alerted once, later applies wait', async () => {
    const user = await seedUser(sql, dataDir)
    const connection = await seedConnection(sql, user, 'linkedin', session())
    const walled = await portalJob()
    const [walledJob] = await sql`SELECT url FROM jobs WHERE id = ${walled}`
    portal.walls.set(new URL(walledJob!.url).pathname, 'captcha')
    await seedScore(sql, user, walled, 74)
    await runUser(user, 'gate:captcha')
    const [walledApp] = await applications(user)
    expect(walledApp).toMatchObject({ auto_status: 'failed' })
    expect(walledApp?.failure_reason).toContain('linkedin asked for a captcha')
    const [conn] = await sql`SELECT is_valid, invalid_reason FROM user_connections WHERE id = ${connection}`
    expect(conn).toMatchObject({ is_valid: false, invalid_reason: 'linkedin asked for a captcha' })
    // a match that arrives after the wall is not sent until the user reconnects
    const other = await portalJob()
    await seedScore(sql, user, other, 62)
    await runUser(user, 'gate:after-captcha')
    expect(await submissionsFor(other)).toHaveLength(0)
    expect((await applications(user)).find((a) => Number(a.job_id) === other)).toBeUndefined()
    await waitFor('session alert', async () => (await sql`SELECT 1 FROM notifications WHERE user_id = ${user} AND kind = 'session_invalid'`).length === 1 || null, 10_000, 100)
    expect(await sql`SELECT 1 FROM wa_messages WHERE user_id = ${user} AND kind = 'session_invalid'`).toHaveLength(1)
    const [u] = await sql`SELECT applies_this_week FROM users WHERE id = ${user}`
    expect(u?.applies_this_week).toBe(0)
  }, 60_000)

  test('never the same company + title twice, and one company per cooldown', async () => {
    const user = await seedUser(sql, dataDir)
    await seedConnection(sql, user, 'linkedin', session())
    const a = await portalJob({ company: 'Twice Analytics Pvt. Ltd.', title: 'Data Analyst' })
    const b = await portalJob({ company: 'TWICE ANALYTICS', title: 'Data  Analyst' })
    const c = await portalJob({ company: 'Twice Analytics', title: 'BI Analyst' })
    for (const job of [a, b, c]) await seedScore(sql, user, job, 70)
    await runUser(user, 'gate:company')
    const apps = await applications(user)
    expect(apps).toHaveLength(1)
    expect(Number(apps[0]?.job_id)).toBe(a)
  }, 60_000)
})
