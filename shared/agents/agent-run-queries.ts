import type { Sql, Tx } from '../db/create-sql.ts'

export type RunStatus = 'pending' | 'running' | 'succeeded' | 'failed'

export interface AgentRunRow {
  id: string
  agent: string
  idempotency_key: string
  input: unknown
  status: RunStatus
  attempts: number
  max_attempts: number
  user_id: string | null
  join_key: string | null
  started_at: Date | null
}

export interface NewRun {
  agent: string
  key: string
  input: unknown
  maxAttempts: number
  userId?: string | null
  parentRunId?: string | null
  joinKey?: string | null
}

type Db = Sql | Tx

/** Inserts the run unless its idempotency key exists; either way returns the run and whether it was new. */
export async function insertOrFindRun(db: Db, run: NewRun): Promise<{ id: string; status: RunStatus; duplicate: boolean }> {
  const [inserted] = await db<{ id: string; status: RunStatus }[]>`
    INSERT INTO agent_runs (agent, idempotency_key, input, max_attempts, user_id, parent_run_id, join_key)
    VALUES (${run.agent}, ${run.key}, ${db.json(run.input as never)}, ${run.maxAttempts},
            ${run.userId ?? null}, ${run.parentRunId ?? null}, ${run.joinKey ?? null})
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id, status`
  if (inserted) return { ...inserted, duplicate: false }
  const [existing] = await db<{ id: string; status: RunStatus }[]>`
    SELECT id, status FROM agent_runs WHERE idempotency_key = ${run.key}`
  if (!existing) throw new Error(`agent run ${run.key} vanished between insert and select`)
  return { ...existing, duplicate: true }
}

/**
 * Claims due pending runs and runs whose lease expired (their process died). SKIP LOCKED lets
 * every instance of a server poll the same table without two of them taking one run.
 */
export function claimDueRuns(sql: Sql, agentNames: string[], owner: string, leaseMs: number, limit: number) {
  return sql<AgentRunRow[]>`
    UPDATE agent_runs r
       SET status = 'running', lease_owner = ${owner},
           lease_expires_at = now() + ${leaseMs} * interval '1 millisecond',
           attempts = r.attempts + 1, started_at = coalesce(r.started_at, now())
     WHERE r.id IN (
       SELECT id FROM agent_runs
        WHERE agent = ANY (${agentNames})
          AND ((status = 'pending' AND next_attempt_at <= now())
            OR (status = 'running' AND lease_expires_at < now()))
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING r.id, r.agent, r.idempotency_key, r.input, r.status, r.attempts, r.max_attempts, r.user_id, r.join_key, r.started_at`
}

/** Claims one specific run right after it was accepted, so a POST starts work without waiting for a poll. */
export function claimRun(sql: Sql, id: string, owner: string, leaseMs: number) {
  return sql<AgentRunRow[]>`
    UPDATE agent_runs
       SET status = 'running', lease_owner = ${owner},
           lease_expires_at = now() + ${leaseMs} * interval '1 millisecond',
           attempts = attempts + 1, started_at = coalesce(started_at, now())
     WHERE id = ${id} AND status = 'pending' AND next_attempt_at <= now()
    RETURNING id, agent, idempotency_key, input, status, attempts, max_attempts, user_id, join_key, started_at`
}

export function extendLeases(sql: Sql, ids: string[], owner: string, leaseMs: number) {
  return sql`
    UPDATE agent_runs SET lease_expires_at = now() + ${leaseMs} * interval '1 millisecond'
     WHERE id = ANY (${ids}::uuid[]) AND lease_owner = ${owner} AND status = 'running'`
}

/** Only the lease holder may finish a run; false means the lease was lost and another instance owns it. */
export async function markRunSucceeded(db: Db, id: string, owner: string, output: unknown): Promise<boolean> {
  const rows = await db`
    UPDATE agent_runs
       SET status = 'succeeded', output = ${db.json((output ?? null) as never)}, error = NULL,
           finished_at = now(), lease_owner = NULL, lease_expires_at = NULL,
           duration_ms = (extract(epoch FROM now() - started_at) * 1000)::int
     WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running'
    RETURNING id`
  return rows.length === 1
}

/** Schedules a retry with backoff, or fails the run for good once attempts are used up. */
export async function markRunFailedAttempt(
  sql: Db,
  id: string,
  owner: string,
  error: string,
  retryInMs: number,
  permanent: boolean,
): Promise<RunStatus | null> {
  const [row] = await sql<{ status: RunStatus }[]>`
    UPDATE agent_runs
       SET status = CASE WHEN ${permanent} OR attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
           error = ${error},
           next_attempt_at = now() + ${retryInMs} * interval '1 millisecond',
           lease_owner = NULL, lease_expires_at = NULL,
           finished_at = CASE WHEN ${permanent} OR attempts >= max_attempts THEN now() END,
           duration_ms = CASE WHEN ${permanent} OR attempts >= max_attempts
                              THEN (extract(epoch FROM now() - started_at) * 1000)::int END
     WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running'
    RETURNING status`
  return row?.status ?? null
}

/** A run reclaimed after its lease expired with no attempts left: it died every time. */
export async function markRunExhausted(sql: Db, id: string, owner: string) {
  const rows = await sql`
    UPDATE agent_runs
       SET status = 'failed', error = coalesce(error, 'lease expired on every attempt (process died)'),
           finished_at = now(), lease_owner = NULL, lease_expires_at = NULL
     WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running'
    RETURNING id`
  return rows.length === 1
}

/** The operator's view of a run that failed for good; written in the same transaction as the failure. */
export async function insertRunFailedAlert(db: Db, run: { id: string; agent: string; idempotency_key: string; attempts: number }, error: string) {
  await db`
    INSERT INTO notifications (audience, kind, title, body, data, dedupe_key)
    VALUES ('operator', 'agent_run_failed', ${`${run.agent} run failed`},
            ${`Run ${run.idempotency_key} failed after ${run.attempts} attempt(s): ${error}`},
            ${db.json({ run_id: run.id, agent: run.agent, error })}, ${`run-failed:${run.id}`})
    ON CONFLICT (dedupe_key) DO NOTHING`
}
