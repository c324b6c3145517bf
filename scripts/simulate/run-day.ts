import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfig } from '#shared/config/index.ts'
import { createSql } from '#shared/db/create-sql.ts'
import { databaseMode } from '../../tests/support/database-mode.ts'
import { createTestDatabase } from '../../tests/support/test-database.ts'
import { DayClock } from './clock.ts'
import { type Cluster, createCluster, SERVER_NAMES } from './cluster.ts'
import { recordEmployerInbox } from './employer-inbox.ts'
import { checkInvariants } from './invariants.ts'
import { startJobBoards } from './job-boards.ts'
import { ActionMetrics } from './metrics.ts'
import type { SimulationOptions } from './options.ts'
import { makePersonas } from './personas.ts'
import { seededRandom } from '../fixtures/random.ts'
import type { SimulationResult } from './report.ts'
import { describeOpenWork, fireSchedule, waitForAgentsIdle, waitForQuiet, waitForRunKey, waitForTriggerRun } from './schedules.ts'
import { Server1Client } from './server1-client.ts'
import type { Sim } from './sim-context.ts'
import { actionStages, agentStages } from './stages.ts'
import { changesOfMind, dashboards, payments, readNotifications, reviewQueues, signUpEveryone } from './user-actions.ts'
import { startWhatsAppNetwork } from './whatsapp.ts'
import { eveningChats, middayChats } from './whatsapp-actions.ts'

/** What a chaos run plugs into the day: faults while it plays, a report section after. */
export interface DayHooks {
  /** extra server env (e.g. a shorter lease so a killed server's runs are re-claimed sooner) */
  serverEnv?: Record<string, string>
  /** HTTP retries of the simulated users while servers die */
  clientRetries?: number
  /** starts when the servers are up; stopped before the system is left to settle */
  duringDay?: (day: { cluster: Cluster; databaseUrl: string; metrics: ActionMetrics; say: (line: string) => void }) => { stop(): Promise<string[]> }
}

const STAGE_TIMEOUT_MS = 20 * 60_000

/**
 * One IST day on a fresh database with the three servers as processes: users sign up, use the
 * dashboard and WhatsApp and pay; the real schedules fire at compressed times (fire_schedule,
 * as pg_cron would) and the chains run on their own; then the system is left to settle and the
 * invariants are computed over what it left behind.
 */
export async function runDay(options: SimulationOptions, command: string, hooks: DayHooks = {}): Promise<SimulationResult> {
  const started = Date.now()
  const say = (line: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`)
  const random = seededRandom(options.seed)
  const personas = makePersonas(options.users, random)
  const db = await createTestDatabase()
  const workDir = await mkdtemp(join(tmpdir(), 'talvix-sim-'))
  say(`database ${databaseMode === 'real' ? `PostgreSQL ${db.name}` : 'embedded PGlite'}; logs and files in ${workDir}`)
  const sql = createSql(db.url, { max: 8 })
  const boards = await startJobBoards(sql, {
    jobs: options.jobs,
    seed: options.seed,
    roles: [...new Set(personas.flatMap((p) => p.roles))],
    cities: [...new Set(personas.flatMap((p) => p.cities))],
  })
  const cluster = createCluster({
    databaseUrl: db.url,
    embedded: databaseMode === 'embedded',
    dataDir: workDir,
    logDir: workDir,
    env: {
      AGENT_LEASE_MS: '30000',
      AGENT_POLL_MS: '500',
      FLAG_POLL_MS: '1000',
      SCRAPE_PACE_MIN_MS: '0',
      SCRAPE_PACE_MAX_MS: '0',
      SCRAPE_RETRY_BASE_MS: '10',
      SCRAPE_MAX_QUERIES: '500',
      SCRAPE_MAX_JOBS_PER_SOURCE: String(options.jobs),
      APPLY_PACE_MIN_MS: '0',
      APPLY_PACE_MAX_MS: '0',
      SMTP_URL: boards.smtp.url,
      SESSION_PROBE_URLS: boards.probeUrls,
      ...hooks.serverEnv,
    },
  })
  const metrics = new ActionMetrics()
  const client = new Server1Client(() => cluster.urls.server1, metrics, hooks.clientRetries ?? 0)
  let chaos: { stop(): Promise<string[]> } | undefined
  // a failed day (an invariant, a recovery) keeps its database and logs for inspection
  let keep = Boolean(process.env.SIM_KEEP_FILES)
  try {
    for (const name of SERVER_NAMES) await cluster.start(name)
    const whatsapp = await startWhatsAppNetwork(sql, cluster.env, metrics, hooks.clientRetries ?? 0)
    const failed = (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      metrics.record('user action abandoned', 0, false, message)
      say(`a user action failed: ${message.slice(0, 200)}`)
    }
    const sim: Sim = { options, sql, cluster, boards, client, whatsapp, personas, metrics, random, say, failed }
    const clock = new DayClock(options.speed)
    chaos = hooks.duringDay?.({ cluster, databaseUrl: db.url, metrics, say })

    say(`09:00 ${personas.length} users sign up (profile, roles, resume upload, platform logins, WhatsApp)`)
    await clock.until('09:00')
    await signUpEveryone(sim)
    await clock.until('12:00')
    say('12:00 WhatsApp chats')
    await middayChats(sim)
    await clock.until('14:00')
    say('14:00 Razorpay payments')
    await payments(sim)
    await clock.until('16:00')
    say('16:00 role changes and new resumes')
    await changesOfMind(sim)
    await clock.until('17:00')
    await dashboards(sim)

    say('19:30 fire_schedule(session-health)')
    const health = await fireSchedule(sql, 'session-health', await clock.until('19:30'))
    await waitForTriggerRun(sql, health, STAGE_TIMEOUT_MS)
    say('20:00 fire_schedule(scrape) → JD cleaning → delta fit scoring → apply')
    const scrapeTrigger = await fireSchedule(sql, 'scrape', await clock.until('20:00'))
    const scrape = await waitForTriggerRun(sql, scrapeTrigger, STAGE_TIMEOUT_MS)
    const scrapeRunId = Number(scrape.output?.scrape_run_id)
    say(`scrape run ${scrapeRunId}: ${scrape.status}, ${String(scrape.output?.jobs_found)} jobs`)
    for (const key of [`jd-clean:${scrapeRunId}`, `fit-score:delta:${scrapeRunId}`, `apply:scrape-run:${scrapeRunId}`]) {
      const run = await waitForRunKey(sql, key, STAGE_TIMEOUT_MS)
      say(`${key}: ${run.status}`)
    }
    await waitForAgentsIdle(sql, ['apply', 'resume-tailor', 'cover-letter'], STAGE_TIMEOUT_MS)
    await clock.until('22:00')
    say('22:00 review queues answered (dashboard), WhatsApp approve all / jobs')
    await reviewQueues(sim)
    await clock.until('22:30')
    await eveningChats(sim)
    await clock.until('23:00')
    say('23:00 notifications read')
    await readNotifications(sim)

    say('03:30 fire_schedule(retention)')
    const retention = await fireSchedule(sql, 'retention', await clock.until('03:30'))
    await waitForTriggerRun(sql, retention, STAGE_TIMEOUT_MS)
    say('05:00 fire_schedule(calibrate-daily)')
    const calibration = await fireSchedule(sql, 'calibrate-daily', await clock.until('05:00'))
    await waitForTriggerRun(sql, calibration, STAGE_TIMEOUT_MS)
    say('07:00 fire_schedule(coach)')
    const coach = await fireSchedule(sql, 'coach', await clock.until('07:00'))
    await waitForTriggerRun(sql, coach, STAGE_TIMEOUT_MS)

    const chaosReport = (await chaos?.stop()) ?? []
    chaos = undefined
    if (chaosReport.some((line) => line.includes('recovery error'))) keep = true
    say('settling: waiting until no run, trigger or outbound message is pending')
    // a day that never settles is itself a finding: report it beside the invariants, not instead of them
    const unsettled = await waitForQuiet(sql, options.settleTimeoutMs).then(
      () => null,
      async (error: Error) => `${error.message}; still open: ${await describeOpenWork(sql)}`,
    )
    await whatsapp.flush()
    await whatsapp.stop()
    await recordEmployerInbox(sql, boards)

    const caps = parseConfig(cluster.env).APPLY_DAILY_CAPS
    const invariants = [
      { name: 'system_settled', pass: unsettled === null, detail: unsettled ?? 'no agent run, schedule trigger or outbound message left pending' },
      ...(await checkInvariants(sql, caps)),
    ]
    if (invariants.some((i) => !i.pass)) keep = true
    if (keep) say(`database ${db.url} and logs in ${workDir} are kept for inspection`)
    const [counts] = await sql<{ scraped: number; applied: number }[]>`
      SELECT (SELECT count(*)::int FROM jobs WHERE scrape_run_id IS NOT NULL) AS scraped,
             (SELECT count(*)::int FROM apply_attempts WHERE status = 'recorded') AS applied`
    return {
      command,
      database: databaseMode === 'real' ? 'PostgreSQL (TEST_DATABASE_URL or local), fresh database from the migrated template' : 'embedded PGlite (no PostgreSQL reachable)',
      users: options.users,
      jobs: boards.served,
      scraped: counts?.scraped ?? 0,
      applied: counts?.applied ?? 0,
      wallSeconds: Math.round((Date.now() - started) / 1000),
      stages: [...(await agentStages(sql)), ...actionStages(metrics)],
      invariants,
      extra: chaosReport,
    }
  } finally {
    await chaos?.stop().catch(() => [])
    await cluster.stopAll()
    await boards.stop()
    await sql.end({ timeout: 5 })
    if (!keep || databaseMode === 'embedded') await db.drop()
    if (!keep) await rm(workDir, { recursive: true, force: true })
  }
}
