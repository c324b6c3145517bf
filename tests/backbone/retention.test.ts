import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createHmac } from 'node:crypto'
import { TIMED_SCHEDULES } from '#shared/schedules/schedule-table.ts'
import { handleIncoming } from '../../server1/whatsapp/handle-incoming.ts'
import { RETENTION_DAYS } from '../../server3/agents/retention/retention-windows.ts'
import { createWaFixture, seedUser, textFrom, type WaFixture } from '../server1/whatsapp/wa-fixture.ts'
import { TEST_SECRETS } from '../support/test-config.ts'
import { startTestCluster, type TestCluster } from '../support/test-servers.ts'
import { waitFor } from '../support/wait-for.ts'

/**
 * Bounded tables: the nightly `retention` schedule, driven the way pg_cron drives it
 * (fire_schedule → trigger → Server 3 claims it → the retention run), prunes what outlived its
 * window and keeps what idempotency and replay still need.
 */

let f: WaFixture
let cluster: TestCluster
let sweeps = 0

beforeAll(async () => {
  f = await createWaFixture()
  cluster = await startTestCluster(f.db.url, ['server1', 'server3'])
})

afterAll(async () => {
  await cluster.stopAll()
  await f.close()
})

/** What pg_cron does at 03:30 IST, then waits for Server 3's retention run; returns what it deleted. */
async function sweep(): Promise<Record<string, number>> {
  // one due minute per sweep (fire_schedule's key), all in the past like pg_cron's
  const due = new Date(Math.floor(Date.now() / 60_000) * 60_000 - (1_000 - ++sweeps) * 60_000)
  const [trigger] = await f.sql<{ id: string }[]>`SELECT fire_schedule('retention', 'manual', ${due}) AS id`
  const run = await waitFor('the retention run', async () => {
    const [row] = await f.sql<{ status: string; output: { deleted: Record<string, number> } | null; error: string | null }[]>`
      SELECT r.status, r.output, r.error FROM cron_triggers t JOIN agent_runs r ON r.id = t.run_id
       WHERE t.id = ${trigger!.id} AND r.status IN ('succeeded', 'failed')`
    return row
  })
  expect({ status: run.status, error: run.error }).toEqual({ status: 'succeeded', error: null })
  return run.output!.deleted
}

const count = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n

const HOUR_MS = 3_600_000
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * HOUR_MS)
/** A time inside a `days` window by `hours`: a row from then is pruned once it ages `hours` more. */
const insideWindow = (days: number, hours: number) => new Date(daysAgo(days).getTime() + hours * HOUR_MS)

describe('a day of rows', () => {
  const HOURS = Array.from({ length: 24 }, (_, i) => i + 1)
  let userId: string

  async function dayRows() {
    return {
      agent_runs: await count(f.sql`SELECT count(*)::int AS n FROM agent_runs WHERE idempotency_key LIKE 'day:%'`),
      cron_triggers: await count(f.sql`SELECT count(*)::int AS n FROM cron_triggers WHERE source = 'pg_cron' AND fired_at < now() - interval '2 days'`),
      fanout_joins: await count(f.sql`SELECT count(*)::int AS n FROM fanout_joins WHERE join_key LIKE 'day:%'`),
      wa_messages: await count(f.sql`SELECT count(*)::int AS n FROM wa_messages WHERE body LIKE 'day:%'`),
      notifications: await count(f.sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'day'`),
      jobs: await count(f.sql`SELECT count(*)::int AS n FROM jobs WHERE source = 'day'`),
      fit_scores: await count(f.sql`SELECT count(*)::int AS n FROM fit_scores WHERE user_id = ${userId}`),
      job_features: await count(f.sql`SELECT count(*)::int AS n FROM job_features WHERE version = -1`),
    }
  }

  beforeAll(async () => {
    userId = await seedUser(f.sql, { phone: '+919811000001' })
    const { sql } = f
    for (const h of HOURS) {
      await sql`
        INSERT INTO agent_runs (agent, idempotency_key, input, status, created_at, finished_at)
        VALUES ('coach', ${`day:coach:${h}`}, '{}', 'succeeded', ${insideWindow(RETENTION_DAYS.succeededRuns, h)}, ${insideWindow(RETENTION_DAYS.succeededRuns, h)}),
               ('coach', ${`day:failed:${h}`}, '{}', 'failed', ${insideWindow(RETENTION_DAYS.failedRuns, h)}, ${insideWindow(RETENTION_DAYS.failedRuns, h)})`
      await sql`
        INSERT INTO fanout_joins (join_key, kind, user_id, expected, succeeded, created_at, completed_at)
        VALUES (${`day:onboarding:${h}`}, 'onboarding', ${userId}, '{skill-gap}', '{skill-gap}',
                ${insideWindow(RETENTION_DAYS.fanoutJoins, h)}, ${insideWindow(RETENTION_DAYS.fanoutJoins, h)})`
      await sql`
        INSERT INTO wa_messages (direction, message_id, user_id, phone_e164, body, status, created_at)
        VALUES ('in', ${`day-in-${h}`}, ${userId}, '+919811000001', ${`day: jobs ${h}`}, 'processed', ${insideWindow(RETENTION_DAYS.waMessages, h)}),
               ('out', NULL, ${userId}, '+919811000001', ${`day: reply ${h}`}, 'sent', ${insideWindow(RETENTION_DAYS.waMessages, h)})`
      await sql`
        INSERT INTO notifications (user_id, kind, title, body, created_at)
        VALUES (${userId}, 'day', 'coach', ${`day ${h}`}, ${insideWindow(RETENTION_DAYS.notifications, h)})`
      const [job] = await sql<{ id: string }[]>`
        INSERT INTO jobs (source, external_id, title, company, raw_jd, first_seen_at, last_seen_at)
        VALUES ('day', ${`day-${h}`}, 'Data Analyst', 'Acme', 'jd', ${insideWindow(RETENTION_DAYS.unseenJobs, h)}, ${insideWindow(RETENTION_DAYS.unseenJobs, h)})
        RETURNING id`
      await sql`INSERT INTO fit_scores (user_id, job_id, score, components, explanation) VALUES (${userId}, ${job!.id}, 80, '{}', '{}')`
      await sql`INSERT INTO job_features (job_id, version, features) VALUES (${job!.id}, -1, '{}')`
    }
    // every schedule fired on that day, and again today (the latest of each is always kept)
    for (const [i, schedule] of TIMED_SCHEDULES.entries()) {
      await sql`
        INSERT INTO cron_triggers (schedule, due_at, source, status, fired_at, dispatched_at)
        VALUES (${schedule.name}, ${insideWindow(RETENTION_DAYS.cronTriggers, i + 1)}, 'pg_cron', 'dispatched',
                ${insideWindow(RETENTION_DAYS.cronTriggers, i + 1)}, ${insideWindow(RETENTION_DAYS.cronTriggers, i + 1)}),
               (${schedule.name}, date_trunc('minute', now()) - make_interval(mins => ${i + 10}), 'pg_cron', 'dispatched', now(), now())`
    }
  })

  test('inside its windows it survives the sweep; one day older it is pruned, fit scores and features with its jobs', async () => {
    const full = { agent_runs: 48, cron_triggers: TIMED_SCHEDULES.length, fanout_joins: 24, wa_messages: 48, notifications: 24, jobs: 24, fit_scores: 24, job_features: 24 }
    expect(await dayRows()).toEqual(full)
    expect(await sweep()).toEqual({ cron_triggers: 0, agent_runs: 0, fanout_joins: 0, wa_messages: 0, notifications: 0, jobs: 0 })
    expect(await dayRows()).toEqual(full)

    // a day passes
    const { sql } = f
    await sql`UPDATE agent_runs SET created_at = created_at - interval '25 hours', finished_at = finished_at - interval '25 hours' WHERE idempotency_key LIKE 'day:%'`
    await sql`UPDATE cron_triggers SET fired_at = fired_at - interval '25 hours', due_at = due_at - interval '25 hours' WHERE fired_at < now() - interval '2 days'`
    await sql`UPDATE fanout_joins SET created_at = created_at - interval '25 hours', completed_at = completed_at - interval '25 hours' WHERE join_key LIKE 'day:%'`
    await sql`UPDATE wa_messages SET created_at = created_at - interval '25 hours' WHERE body LIKE 'day:%'`
    await sql`UPDATE notifications SET created_at = created_at - interval '25 hours' WHERE kind = 'day'`
    await sql`UPDATE jobs SET last_seen_at = last_seen_at - interval '25 hours', first_seen_at = first_seen_at - interval '25 hours' WHERE source = 'day'`

    expect(await sweep()).toEqual({ cron_triggers: TIMED_SCHEDULES.length, agent_runs: 48, fanout_joins: 24, wa_messages: 48, notifications: 24, jobs: 24 })
    expect(await dayRows()).toEqual({ agent_runs: 0, cron_triggers: 0, fanout_joins: 0, wa_messages: 0, notifications: 0, jobs: 0, fit_scores: 0, job_features: 0 })
    // today's triggers, and the sweeps' own triggers and runs, are untouched
    expect(await count(f.sql`SELECT count(*)::int AS n FROM cron_triggers`)).toBe(TIMED_SCHEDULES.length + 2)
    expect(await count(f.sql`SELECT count(*)::int AS n FROM agent_runs WHERE agent = 'retention'`)).toBe(2)
    expect(await sweep()).toEqual({ cron_triggers: 0, agent_runs: 0, fanout_joins: 0, wa_messages: 0, notifications: 0, jobs: 0 })
  })
})

describe('what idempotency and replay still need survives any age', () => {
  test('open runs, runs a poller would ask for again, recently failed runs, incomplete joins, unsent messages, the payment ledger, referenced jobs', async () => {
    const { sql } = f
    const ago = daysAgo(400)
    const staleUser = await seedUser(sql, { phone: '+919811000002' })
    await sql`UPDATE users SET fit_scores_stale = TRUE, fit_scores_stale_since = now() WHERE id = ${staleUser}`
    const [uncleaned] = await sql<{ id: string }[]>`INSERT INTO scrape_runs (status, scoring_complete) VALUES ('succeeded', false) RETURNING id`
    await sql`INSERT INTO jobs (source, external_id, title, company, raw_jd, scrape_run_id) VALUES ('keep', 'uncleaned', 'Analyst', 'Acme', 'jd', ${uncleaned!.id})`
    const [cleaned] = await sql<{ id: string }[]>`INSERT INTO scrape_runs (status, scoring_complete) VALUES ('succeeded', true) RETURNING id`
    const run = (key: string, agent: string, input: object, status: string, finished = ago) => sql`
      INSERT INTO agent_runs (agent, idempotency_key, input, status, created_at, finished_at)
      VALUES (${agent}, ${key}, ${sql.json(input as never)}, ${status}, ${ago}, ${status === 'succeeded' || status === 'failed' ? finished : null})`
    await run('keep:pending', 'coach', {}, 'pending')
    await run('keep:running', 'coach', {}, 'running')
    await run('keep:failed-60-days-ago', 'coach', {}, 'failed', daysAgo(60))
    // an operator's re-run of it (its child), done 40 days ago: asking to re-run it again must find this one
    await sql`
      INSERT INTO agent_runs (agent, idempotency_key, input, status, parent_run_id, created_at, finished_at)
      SELECT 'coach', 'keep:rerun-of-failed', '{}', 'succeeded', id, ${daysAgo(40)}, ${daysAgo(40)}
        FROM agent_runs WHERE idempotency_key = 'keep:failed-60-days-ago'`
    await run(`jd-clean:${uncleaned!.id}`, 'jd-clean', { scrape_run_id: Number(uncleaned!.id) }, 'failed')
    await run(`fit-score:delta:${uncleaned!.id}`, 'fit-score', { mode: 'delta', scrape_run_id: Number(uncleaned!.id) }, 'succeeded')
    await run(`fit-score:full:${staleUser}:stale:1`, 'fit-score', { mode: 'full_scan', user_id: staleUser, reason: 'stale:1' }, 'succeeded')
    // the same keys once their flag is cleared: nothing asks for them again
    await run(`jd-clean:${cleaned!.id}`, 'jd-clean', { scrape_run_id: Number(cleaned!.id) }, 'failed')
    await run(`fit-score:delta:${cleaned!.id}`, 'fit-score', { mode: 'delta', scrape_run_id: Number(cleaned!.id) }, 'succeeded')
    await run(`fit-score:full:${staleUser}:resume:1`, 'fit-score', { mode: 'full_scan', user_id: staleUser, reason: 'resume:1' }, 'succeeded')

    await sql`INSERT INTO fanout_joins (join_key, kind, user_id, expected, created_at) VALUES ('keep:join', 'onboarding', ${staleUser}, '{skill-gap,career-intel}', ${ago})`
    await sql`
      INSERT INTO agent_runs (agent, idempotency_key, input, status, join_key, created_at, finished_at)
      VALUES ('skill-gap', 'keep:sibling', '{}', 'failed', 'keep:join', ${ago}, ${daysAgo(10)})`
    await sql`INSERT INTO fanout_joins (join_key, kind, user_id, expected, created_at) VALUES ('gone:join', 'onboarding', ${staleUser}, '{skill-gap}', ${ago})`
    await sql`
      INSERT INTO cron_triggers (schedule, due_at, source, status, fired_at)
      VALUES ('coach', now() - interval '400 days', 'pg_cron', 'pending', ${ago})`
    await sql`
      INSERT INTO wa_messages (direction, phone_e164, body, status, created_at)
      VALUES ('out', '+919811000002', 'keep: waiting for the socket', 'pending', ${ago})`
    await sql`
      INSERT INTO payment_events (event_id, event_type, user_id, payload, outcome, effect_key, received_at)
      VALUES ('evt_keep', 'payment.captured', ${staleUser}, '{}', 'upgraded', 'payment.captured:pay_keep', now() - interval '10 years')`

    const oldJob = (id: string, duplicateOf: string | null = null) => sql<{ id: string }[]>`
      INSERT INTO jobs (source, external_id, title, company, raw_jd, duplicate_of, first_seen_at, last_seen_at)
      VALUES ('keep', ${id}, 'Analyst', 'Acme', 'jd', ${duplicateOf}, ${ago}, ${ago}) RETURNING id`
    const [applied] = await oldJob('applied')
    await sql`INSERT INTO job_applications (user_id, job_id, company, title, source) VALUES (${staleUser}, ${applied!.id}, 'Acme', 'Analyst', 'manual')`
    const [signalled] = await oldJob('signalled')
    await sql`INSERT INTO signals (user_id, kind, job_id) VALUES (${staleUser}, 'skipped', ${signalled!.id})`
    const [original] = await oldJob('original')
    await oldJob('copy', original!.id)

    const deleted = await sweep()
    expect(deleted).toMatchObject({ agent_runs: 3, fanout_joins: 1, jobs: 1, wa_messages: 0, cron_triggers: 0 })

    const keys = await sql<{ idempotency_key: string }[]>`
      SELECT idempotency_key FROM agent_runs WHERE created_at < now() - interval '35 days' AND agent <> 'retention' ORDER BY idempotency_key`
    expect(keys.map((k) => k.idempotency_key).sort()).toEqual(
      [
        `fit-score:delta:${uncleaned!.id}`,
        `fit-score:full:${staleUser}:stale:1`,
        `jd-clean:${uncleaned!.id}`,
        'keep:failed-60-days-ago',
        'keep:pending',
        'keep:rerun-of-failed',
        'keep:running',
        'keep:sibling',
      ].sort(),
    )
    expect((await sql`SELECT join_key FROM fanout_joins WHERE created_at < now() - interval '300 days'`).map((j) => j.join_key)).toEqual(['keep:join'])
    expect(await count(sql`SELECT count(*)::int AS n FROM cron_triggers WHERE status = 'pending' AND schedule = 'coach'`)).toBe(1)
    expect(await count(sql`SELECT count(*)::int AS n FROM wa_messages WHERE body = 'keep: waiting for the socket'`)).toBe(1)
    expect(await count(sql`SELECT count(*)::int AS n FROM payment_events WHERE event_id = 'evt_keep'`)).toBe(1)
    expect((await sql`SELECT external_id FROM jobs WHERE source = 'keep' ORDER BY external_id`).map((j) => j.external_id)).toEqual([
      'applied', 'original', 'signalled', 'uncleaned',
    ])
    // its copy gone, the original goes the next night
    expect(await sweep()).toMatchObject({ jobs: 1, agent_runs: 0 })
  })
})

/** Razorpay's signature: hex HMAC-SHA256 of the raw body with the webhook secret. */
function deliverRazorpay(body: string, eventId: string) {
  return fetch(`${cluster.urls.server1}/api/webhooks/razorpay`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': createHmac('sha256', TEST_SECRETS.RAZORPAY_WEBHOOK_SECRET).update(body).digest('hex'),
      'x-razorpay-event-id': eventId,
    },
    body,
  })
}

describe('duplicates inside the window are still duplicates after the sweep', () => {
  test('a Razorpay webhook retried a day later, and long after, applies once: the ledger is never pruned', async () => {
    const { sql } = f
    const userId = await seedUser(sql, { phone: '+919811000003' })
    const body = JSON.stringify({
      entity: 'event', event: 'payment.captured', contains: ['payment'], created_at: Math.floor(Date.now() / 1000),
      payload: { payment: { entity: { id: 'pay_retention1', entity: 'payment', order_id: 'order_retention1', amount: 49_900, currency: 'INR', status: 'captured', notes: { plan: 'pro', user_id: userId }, email: 'a@example.in', contact: '+919811000003' } } },
    })
    expect(await (await deliverRazorpay(body, 'evt_retention1')).json()).toEqual({ status: 'processed', outcome: 'upgraded:free->pro' })
    const effects = async () => ({
      user: (await sql`SELECT tier, subscription_ends_at FROM users WHERE id = ${userId}`)[0],
      notifications: await count(sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId}`),
      messages: await count(sql`SELECT count(*)::int AS n FROM wa_messages WHERE user_id = ${userId}`),
      events: await count(sql`SELECT count(*)::int AS n FROM payment_events WHERE user_id = ${userId}`),
    })
    const once = await effects()

    for (const age of ['25 hours', '3 years']) {
      await sql`UPDATE payment_events SET received_at = now() - ${age}::interval WHERE user_id = ${userId}`
      await sweep()
      expect(await (await deliverRazorpay(body, 'evt_retention1')).json()).toEqual({ status: 'duplicate', outcome: 'already_processed' })
      // the same signed body under a new event id (the id header is not signed)
      expect(await (await deliverRazorpay(body, `evt_retention_${age.replace(' ', '_')}`)).json()).toEqual({ status: 'duplicate', outcome: 'already_processed' })
      expect(await effects()).toEqual(once)
    }
  })

  test('a WhatsApp message re-delivered inside the window is a duplicate; past it, the freshness gate refuses it', async () => {
    const { sql } = f
    const phone = '+919811000004'
    await seedUser(sql, { phone })
    const message = textFrom(phone, 'status', { id: '3EB0RETENTION0001' })
    expect(await handleIncoming(f.deps, message)).toBe('executed:status')
    const replies = () => count(sql`SELECT count(*)::int AS n FROM wa_messages WHERE direction = 'out' AND phone_e164 = ${phone}`)
    const inbound = () => count(sql`SELECT count(*)::int AS n FROM wa_messages WHERE direction = 'in' AND message_id = '3EB0RETENTION0001'`)

    await sql`UPDATE wa_messages SET created_at = now() - make_interval(days => ${RETENTION_DAYS.waMessages}) + interval '1 hour' WHERE phone_e164 = ${phone}`
    await sweep()
    expect(await inbound()).toBe(1)
    expect(await handleIncoming(f.deps, message)).toBe('rejected:duplicate')
    expect({ inbound: await inbound(), replies: await replies() }).toEqual({ inbound: 1, replies: 1 })

    await sql`UPDATE wa_messages SET created_at = created_at - interval '2 hours' WHERE phone_e164 = ${phone}`
    // the inbound row goes; the reply, never sent (no socket here), waits in the outbox
    expect((await sweep()).wa_messages).toBe(1)
    expect({ inbound: await inbound(), replies: await replies() }).toEqual({ inbound: 0, replies: 1 })
    // delivered again after the window: it was sent that long ago, so gate 2 refuses it unrun
    const late = textFrom(phone, 'status', { id: '3EB0RETENTION0001', ageMs: (RETENTION_DAYS.waMessages * 24 + 1) * HOUR_MS })
    expect(await handleIncoming(f.deps, late)).toBe('rejected:stale')
    expect(await replies()).toBe(1)
  })
})
