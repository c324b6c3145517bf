import type { Sql } from '#shared/db/create-sql.ts'
import { pollUntil } from './poll.ts'

export interface FinishedRun {
  id: string
  status: 'succeeded' | 'failed'
  output: Record<string, unknown> | null
}

/**
 * What pg_cron does at the scheduled minute: `fire_schedule()` records the trigger and NOTIFYs;
 * the owning server claims it and starts its agent. Returns the trigger id.
 */
export async function fireSchedule(sql: Sql, schedule: string, due: Date): Promise<string> {
  const [row] = await sql<{ id: string | null }[]>`SELECT fire_schedule(${schedule}, 'manual', ${due}) AS id`
  if (!row?.id) throw new Error(`schedule ${schedule} at ${due.toISOString()} had already fired`)
  return row.id
}

/** The agent run a trigger became, once its server claimed it and the run finished. */
export async function waitForTriggerRun(sql: Sql, triggerId: string, timeoutMs: number): Promise<FinishedRun> {
  return pollUntil(
    `trigger ${triggerId} to be claimed and run`,
    async () => {
      const [run] = await sql<FinishedRun[]>`
        SELECT r.id, r.status, r.output FROM cron_triggers t JOIN agent_runs r ON r.id = t.run_id
         WHERE t.id = ${triggerId} AND r.status IN ('succeeded', 'failed')`
      return run ?? null
    },
    timeoutMs,
    200,
  )
}

/** Waits until the run with this idempotency key exists and has finished. */
export async function waitForRunKey(sql: Sql, key: string, timeoutMs: number): Promise<FinishedRun> {
  return pollUntil(
    `run ${key}`,
    async () => {
      const [run] = await sql<FinishedRun[]>`
        SELECT id, status, output FROM agent_runs WHERE idempotency_key = ${key} AND status IN ('succeeded', 'failed')`
      return run ?? null
    },
    timeoutMs,
    200,
  )
}

/** Waits until no run of these agents is pending or running (retries included). */
export async function waitForAgentsIdle(sql: Sql, agentNames: string[], timeoutMs: number): Promise<void> {
  await pollUntil(
    `${agentNames.join(', ')} to go idle`,
    async () => {
      const [row] = await sql<{ busy: number }[]>`
        SELECT count(*)::int AS busy FROM agent_runs WHERE agent = ANY (${agentNames}) AND status IN ('pending', 'running')`
      return row?.busy === 0
    },
    timeoutMs,
    250,
  )
}

/**
 * The end of the day: nothing pending anywhere — no agent run, no schedule trigger, no outbound
 * WhatsApp message — for several polls in a row (a poller may be about to find flagged work).
 */
export async function waitForQuiet(sql: Sql, timeoutMs: number, quietMs = 3_000): Promise<void> {
  let quietSince: number | null = null
  await pollUntil(
    'the system to settle (no pending runs, triggers or outbound messages)',
    async () => {
      const [row] = await sql<{ busy: number }[]>`
        SELECT (SELECT count(*) FROM agent_runs WHERE status IN ('pending', 'running'))
             + (SELECT count(*) FROM cron_triggers WHERE status = 'pending')
             + (SELECT count(*) FROM wa_messages WHERE direction = 'out' AND status = 'pending') AS busy`
      if (Number(row?.busy) > 0) {
        quietSince = null
        return false
      }
      quietSince ??= Date.now()
      return Date.now() - quietSince >= quietMs
    },
    timeoutMs,
    250,
  )
}

/** What keeps the day from settling, e.g. "fit-score running 7 (oldest started 9.9 min ago)". */
export async function describeOpenWork(sql: Sql): Promise<string> {
  const rows = await sql<{ agent: string; status: string; n: number; minutes: number | null }[]>`
    SELECT agent, status, count(*)::int AS n, extract(epoch FROM now() - min(coalesce(started_at, created_at)))::float8 / 60 AS minutes
      FROM agent_runs WHERE status IN ('pending', 'running') GROUP BY agent, status ORDER BY agent, status`
  const parts = rows.map((r) => `${r.agent} ${r.status} ${r.n} (oldest ${(r.minutes ?? 0).toFixed(1)} min)`)
  return parts.length > 0 ? parts.join(', ') : 'no agent runs (triggers or outbound messages)'
}
