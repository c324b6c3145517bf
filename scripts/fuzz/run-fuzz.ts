import pino from 'pino'
import { createSql } from '#shared/db/create-sql.ts'
import { handleIncoming } from '../../server1/whatsapp/handle-incoming.ts'
import { TEST_SECRETS } from '../../tests/support/test-config.ts'
import { createTestDatabase } from '../../tests/support/test-database.ts'
import { startTestCluster, type TestCluster } from '../../tests/support/test-servers.ts'
import { pickMaker } from './case-mix.ts'
import type { FuzzCase, ServerName } from './fuzz-case.ts'
import { Random } from './random.ts'
import { REALTIME_ENDPOINT, runRealtimeFuzz } from './run-realtime-fuzz.ts'
import { seedWorld } from './seed-world.ts'
import { checkRefusal, sendCase } from './send-case.ts'
import { diffSnapshots, snapshotTables, type TableChange } from './table-snapshot.ts'
import { checkParse, commandText, hostileMessage } from './whatsapp-cases.ts'

export interface FuzzOptions {
  count: number
  seed: number
  /** requests in flight at once */
  concurrency?: number
  progress?: (line: string) => void
}

export interface Violation {
  input: number
  endpoint: string
  rule: string
  sample: string
}

export interface FuzzReport {
  seed: number
  inputs: number
  http_inputs: number
  /** hostile realtime clients (sockets), each sending 1–4 frames */
  realtime_inputs: number
  whatsapp_inputs: number
  parser_inputs: number
  by_endpoint: Record<string, Record<string, number>>
  by_status: Record<string, number>
  server_errors: number
  /** rows added, removed or edited by refused input: HTTP in any table, WhatsApp outside its audit trail */
  changed_rows: number
  changed_tables: TableChange[]
  /** inbound WhatsApp rows stored and replies queued: the designed audit trail of every message */
  whatsapp_audit_rows: number
  crashes: number
  violations: Violation[]
  health: Record<ServerName, number>
  seconds: number
}

/** Bait the realtime phase writes for the victim while hostile channels are open: designed writes, counted. */
const REALTIME_BAIT_TABLE = 'notifications'
/** WhatsApp input is stored (every inbound text) and may get one reply: designed writes, checked separately. */
const WHATSAPP_AUDIT_TABLES = new Set(['wa_messages'])
const MAX_VIOLATIONS_KEPT = 50

/**
 * One fuzz run: a fresh migrated database, the three servers in-process, a seeded world, then
 * `count` hostile inputs (84% HTTP, 4% realtime clients, the rest the WhatsApp pipeline and its
 * parser), all drawn from one seeded generator. Tables are snapshotted before and after.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now()
  const r = new Random(options.seed)
  const progress = options.progress ?? (() => {})
  const report: FuzzReport = {
    seed: options.seed,
    inputs: 0,
    http_inputs: 0,
    realtime_inputs: 0,
    whatsapp_inputs: 0,
    parser_inputs: 0,
    by_endpoint: {},
    by_status: {},
    server_errors: 0,
    changed_rows: 0,
    changed_tables: [],
    whatsapp_audit_rows: 0,
    crashes: 0,
    violations: [],
    health: { server1: 0, server2: 0, server3: 0 },
    seconds: 0,
  }
  const violate = (input: number, endpoint: string, rule: string, sample: string) => {
    if (report.violations.length < MAX_VIOLATIONS_KEPT) report.violations.push({ input, endpoint, rule, sample: sample.slice(0, 600) })
  }
  // an in-process server that loses a promise must be counted, not take the run down
  const onCrash = (error: unknown) => {
    report.crashes++
    violate(-1, 'process', 'unhandled error in a server', String((error as Error)?.stack ?? error))
  }
  process.on('unhandledRejection', onCrash)
  process.on('uncaughtException', onCrash)

  const db = await createTestDatabase()
  const sql = createSql(db.url, { max: 4 })
  let cluster: TestCluster | undefined
  try {
    cluster = await startTestCluster(db.url, ['server1', 'server2', 'server3'])
    const world = await seedWorld(sql, TEST_SECRETS)
    const httpCount = Math.round(options.count * 0.84)
    const realtimeCount = Math.round(options.count * 0.04)
    const whatsappCount = Math.round((options.count - httpCount - realtimeCount) / 2)
    const parserCount = options.count - httpCount - realtimeCount - whatsappCount

    // 1. HTTP: every answer a refusal, no row anywhere changed
    const before = await snapshotTables(sql)
    let next = 0
    const worker = async () => {
      while (next < httpCount) {
        const index = next++
        // made when sent, not up front: signatures carry the time, and a case made minutes early
        // would drift into or out of the skew window. Made synchronously after taking the index,
        // so the generator is drawn in index order whatever the concurrency.
        const c = pickMaker(r)(r, world)
        const byEndpoint = (report.by_endpoint[c.endpoint] ??= {})
        let status = 'no answer'
        try {
          const answer = await sendCase(c, cluster!.ports)
          status = String(answer.status)
          if (answer.status >= 500) report.server_errors++
          const broken = checkRefusal(answer)
          if (broken) violate(index, c.endpoint, broken, `${c.method} ${c.path.slice(0, 120)} ${bodySample(c)} → ${answer.body}`)
        } catch (error) {
          report.crashes++
          violate(index, c.endpoint, `no answer: ${String(error)}`, `${c.method} ${c.path.slice(0, 120)}`)
        }
        byEndpoint[status] = (byEndpoint[status] ?? 0) + 1
        report.by_status[status] = (report.by_status[status] ?? 0) + 1
        report.http_inputs++
        if (report.http_inputs % 1000 === 0) progress(`  ${report.http_inputs}/${httpCount} HTTP inputs`)
      }
    }
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker))
    const httpChanges = diffSnapshots(before, await snapshotTables(sql))

    // 1b. realtime clients: none of the victim's rows on any socket, no refused join answered ok
    const realtimeBefore = await snapshotTables(sql)
    const realtime = await runRealtimeFuzz({ sessions: realtimeCount, r, world, server1Url: cluster.urls.server1, sql })
    report.realtime_inputs = realtime.sessions
    report.by_endpoint[REALTIME_ENDPOINT] = realtime.outcomes
    for (const v of realtime.violations) violate(v.session, REALTIME_ENDPOINT, v.rule, v.sample)
    const realtimeChanges = diffSnapshots(realtimeBefore, await snapshotTables(sql)).filter(
      (c) => !(c.table === REALTIME_BAIT_TABLE && c.rows_after - c.rows_before === realtime.baitRows),
    )
    progress(`  ${realtime.sessions} realtime clients`)

    // 2. WhatsApp inbound pipeline: nothing acted on; only the audit trail grows
    const waBefore = await snapshotTables(sql)
    const deps = {
      ctx: { sql, log: pino({ level: 'silent' }), config: cluster.config },
      engine: { fireQueued: () => {} },
    }
    while (report.whatsapp_inputs < whatsappCount) {
      const message = hostileMessage(r)
      if (!message) continue
      const index = report.whatsapp_inputs++
      let outcome: string
      try {
        outcome = await handleIncoming(deps, message)
      } catch (error) {
        report.crashes++
        outcome = 'threw'
        violate(index, 'whatsapp handleIncoming', `threw: ${String(error)}`, JSON.stringify(message.key))
      }
      const label = outcome.split(':')[0] === 'executed' ? outcome : `${outcome.split(':')[0]}:*`
      const counts = (report.by_endpoint['WA handleIncoming'] ??= {})
      counts[label] = (counts[label] ?? 0) + 1
      if (!(outcome.startsWith('ignored:') || outcome.startsWith('rejected:') || outcome === 'executed:help' || outcome === 'threw')) {
        violate(index, 'whatsapp handleIncoming', `acted on hostile input: ${outcome}`, JSON.stringify(message.message))
      }
    }
    const waChanges = diffSnapshots(waBefore, await snapshotTables(sql))
    report.whatsapp_audit_rows = waChanges.filter((c) => WHATSAPP_AUDIT_TABLES.has(c.table)).reduce((n, c) => n + c.rows_after - c.rows_before, 0)
    if (report.whatsapp_audit_rows > 2 * whatsappCount) violate(-1, 'whatsapp handleIncoming', 'more than one stored row and one reply per message', `${report.whatsapp_audit_rows} rows`)

    // 3. the parser alone, on many more word soups than the pipeline can take
    for (let i = 0; i < parserCount; i++) {
      const text = commandText(r)
      const broken = checkParse(text)
      if (broken) {
        if (broken.includes('threw')) report.crashes++
        violate(i, 'whatsapp parseCommand', broken, JSON.stringify(text))
      }
      report.parser_inputs++
    }
    const parserCounts = (report.by_endpoint['WA parseCommand'] ??= {})
    parserCounts.checked = report.parser_inputs

    report.changed_tables = [...httpChanges, ...realtimeChanges, ...waChanges.filter((c) => !WHATSAPP_AUDIT_TABLES.has(c.table))]
    report.changed_rows = changedRowCount(report.changed_tables)
    for (const change of report.changed_tables) violate(-1, change.table, 'rows changed by refused input', JSON.stringify(change))

    // 4. still alive
    for (const name of ['server1', 'server2', 'server3'] as const) {
      const res = await fetch(`${cluster.urls[name]}/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined)
      report.health[name] = res?.status ?? 0
      if (res?.status !== 200) {
        report.crashes++
        violate(-1, `${name} /health`, 'server not healthy after the run', String(res?.status))
      }
    }
  } finally {
    await cluster?.stopAll()
    await sql.end({ timeout: 5 })
    await db.drop()
    process.off('unhandledRejection', onCrash)
    process.off('uncaughtException', onCrash)
  }
  report.inputs = report.http_inputs + report.realtime_inputs + report.whatsapp_inputs + report.parser_inputs
  report.seconds = Math.round((performance.now() - started) / 100) / 10
  return report
}

/** The start of a request body, for reproducing a violation by hand. */
function bodySample(c: FuzzCase): string {
  if (c.body === undefined) return ''
  const text = typeof c.body === 'string' ? c.body : new TextDecoder().decode(c.body.subarray(0, 300))
  return JSON.stringify(text.slice(0, 200))
}

/** Rows added or removed, or at least one edited row where the count stayed but the content did not. */
function changedRowCount(changes: TableChange[]): number {
  return changes.reduce((n, c) => n + Math.max(Math.abs(c.rows_after - c.rows_before), c.content_changed ? 1 : 0), 0)
}
