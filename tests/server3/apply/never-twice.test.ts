import { afterAll, beforeAll, expect, test } from 'bun:test'
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
  world = await startApplyWorld('twice')
  ;({ cluster, sql, portal, smtp, dataDir } = world)
})

afterAll(async () => {
  await world.stop()
})

const session = () => world.session()
const submissionsAt = (path: string) => portal.submissions.filter((s) => s.jobId === path)

async function readyUser() {
  const user = await seedUser(sql, dataDir)
  await seedConnection(sql, user, 'linkedin', session())
  await seedConnection(sql, user, 'naukri', session())
  return user
}

test('the same opening listed on three platforms is applied to once', async () => {
  const user = await readyUser()
  const original = await seedJob(sql, { source: 'naukri', url: `${portal.url}/jobs/three-n`, company: 'Trio Labs Pvt Ltd', title: 'Data Analyst' })
  const onLinkedin = await seedJob(sql, { source: 'linkedin', url: `${portal.url}/jobs/three-l`, company: 'Trio', title: 'Data Analyst', duplicateOf: original })
  // not linked (the scrape missed it): the company + title key still stops a second application
  const onIndeed = await seedJob(sql, { source: 'indeed', url: `${portal.url}/jobs/three-i`, company: 'TRIO LABS', title: 'Data analyst' })
  for (const job of [original, onLinkedin, onIndeed]) await seedScore(sql, user, job, 72)
  await postAgent(cluster, 'apply', { scope: 'user', user_id: user, reason: 'three:1' })
  await waitForRun(sql, `apply:user:${user}:three:1`)
  await waitForApplyIdle(sql)
  await postAgent(cluster, 'apply', { scope: 'user', user_id: user, reason: 'three:2' })
  await waitForRun(sql, `apply:user:${user}:three:2`)
  await waitForApplyIdle(sql)
  const apps = await sql`SELECT job_id, auto_status FROM job_applications WHERE user_id = ${user}`
  expect(apps).toHaveLength(1)
  expect(apps[0]?.auto_status).toBe('applied')
  const sent = ['/jobs/three-n', '/jobs/three-l', '/jobs/three-i'].map((p) => submissionsAt(p).length)
  expect(sent.reduce((a, b) => a + b, 0)).toBe(1)
}, 90_000)

test('two apply runs for one user at the same time: one application per job, one submission each', async () => {
  const user = await readyUser()
  const jobs = [] as number[]
  for (const n of [1, 2, 3]) {
    const job = await seedJob(sql, { source: 'linkedin', url: `${portal.url}/jobs/race-${n}`, company: `Race Co ${n}`, title: 'Data Analyst' })
    await seedScore(sql, user, job, 70 - n)
    jobs.push(job)
  }
  await Promise.all([
    postAgent(cluster, 'apply', { scope: 'user', user_id: user, reason: 'race:a' }),
    postAgent(cluster, 'apply', { scope: 'user', user_id: user, reason: 'race:b' }),
  ])
  await Promise.all([waitForRun(sql, `apply:user:${user}:race:a`), waitForRun(sql, `apply:user:${user}:race:b`)])
  await waitForApplyIdle(sql, 90_000)
  const apps = await sql`SELECT job_id, auto_status FROM job_applications WHERE user_id = ${user} ORDER BY job_id`
  expect(apps.map((a) => [Number(a.job_id), a.auto_status])).toEqual(jobs.map((j) => [j, 'applied']))
  for (const n of [1, 2, 3]) expect(submissionsAt(`/jobs/race-${n}`)).toHaveLength(1)
  const attempts = await sql`SELECT status FROM apply_attempts WHERE user_id = ${user}`
  expect(attempts.map((a) => a.status)).toEqual(['recorded', 'recorded', 'recorded'])
}, 120_000)

/** State a crashed apply leaves behind: the application claimed, an outbox row in `attemptStatus`. */
async function crashedApply(user: string, job: number, attemptStatus: 'started' | 'submitted', target: string, channel: 'browser' | 'email' = 'browser') {
  const [app] = await sql<{ id: string }[]>`
    INSERT INTO job_applications (user_id, job_id, company, title, source, status, auto_status, fit_score)
    SELECT ${user}, id, company, title, 'auto', 'saved', 'submitting', 70 FROM jobs WHERE id = ${job}
    RETURNING id`
  await sql`UPDATE users SET applies_this_week = applies_this_week + 1 WHERE id = ${user}`
  await sql`
    INSERT INTO apply_attempts (application_id, user_id, channel, platform, target, status, submitted_at)
    VALUES (${app!.id}, ${user}, ${channel}, ${channel === 'email' ? 'email' : 'linkedin'}, ${target}, ${attemptStatus},
            ${attemptStatus === 'submitted' ? new Date() : null})`
  return Number(app!.id)
}

async function recover(applicationId: number) {
  await postAgent(cluster, 'apply', { scope: 'application', application_id: applicationId, reason: 'recover:1' })
  return waitForRun(sql, `apply:application:${applicationId}:recover:1`, 60_000)
}

test('crash between "submitted" and "recorded": recovery records it and sends nothing', async () => {
  const user = await readyUser()
  const job = await seedJob(sql, { source: 'linkedin', url: `${portal.url}/jobs/crash-1`, company: 'Crash One', title: 'Data Analyst' })
  portal.submissions.push({ jobId: '/jobs/crash-1', fields: {}, file: null })
  const app = await crashedApply(user, job, 'submitted', `${portal.url}/jobs/crash-1`)
  const run = await recover(app)
  expect(run.output).toMatchObject({ status: 'applied' })
  expect(submissionsAt('/jobs/crash-1')).toHaveLength(1)
  const [row] = await sql`SELECT auto_status FROM job_applications WHERE id = ${app}`
  expect(row?.auto_status).toBe('applied')
  expect((await sql`SELECT status FROM apply_attempts WHERE application_id = ${app}`).map((a) => a.status)).toEqual(['recorded'])
  const [u] = await sql`SELECT applies_this_week FROM users WHERE id = ${user}`
  expect(u?.applies_this_week).toBe(1)
}, 60_000)

test('crash mid-send that reached the portal: the portal says "applied", so it is recorded, not resent', async () => {
  const user = await readyUser()
  const job = await seedJob(sql, { source: 'linkedin', url: `${portal.url}/jobs/crash-2`, company: 'Crash Two', title: 'Data Analyst' })
  portal.submissions.push({ jobId: '/jobs/crash-2', fields: {}, file: null })
  const app = await recover(await crashedApply(user, job, 'started', `${portal.url}/jobs/crash-2`))
  expect(app.output).toMatchObject({ status: 'applied' })
  expect(submissionsAt('/jobs/crash-2')).toHaveLength(1)
}, 60_000)

test('crash mid-send that never reached the portal: checked, then sent exactly once', async () => {
  const user = await readyUser()
  const job = await seedJob(sql, { source: 'linkedin', url: `${portal.url}/jobs/crash-3`, company: 'Crash Three', title: 'Data Analyst' })
  const app = await crashedApply(user, job, 'started', `${portal.url}/jobs/crash-3`)
  const run = await recover(app)
  expect(run.output).toMatchObject({ status: 'applied' })
  expect(submissionsAt('/jobs/crash-3')).toHaveLength(1)
  expect((await sql`SELECT status FROM apply_attempts WHERE application_id = ${app} ORDER BY id`).map((a) => a.status)).toEqual(['abandoned', 'recorded'])
}, 60_000)

test('crash mid-send by email (which cannot be checked): not resent, the user is told', async () => {
  const user = await readyUser()
  const job = await seedJob(sql, { source: 'naukri', url: null, applyEmail: 'jobs@crash.example', company: 'Crash Mail', title: 'Data Analyst' })
  const app = await crashedApply(user, job, 'started', 'jobs@crash.example', 'email')
  const run = await recover(app)
  expect(run.output).toMatchObject({ status: 'uncertain' })
  expect(smtp.messages.filter((m) => m.to.includes('jobs@crash.example'))).toHaveLength(0)
  const [row] = await sql`SELECT auto_status, failure_reason FROM job_applications WHERE id = ${app}`
  expect(row?.auto_status).toBe('failed')
  expect(row?.failure_reason).toContain('not sent again')
  expect(await sql`SELECT 1 FROM notifications WHERE user_id = ${user} AND kind = 'apply_failed'`).toHaveLength(1)
}, 60_000)
