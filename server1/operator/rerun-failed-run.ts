import type { RunAccepted } from '#shared/agents/agent-contracts.ts'
import { insertOrFindRun, type RunStatus } from '#shared/agents/agent-run-queries.ts'
import { RUNS_CHANNEL } from '#shared/agents/run-engine.ts'
import type { Sql } from '#shared/db/create-sql.ts'
import { conflict, notFound } from '#shared/http/http-error.ts'

/** The idempotency key of the operator's re-run of a failed run: one re-run per failed run. No agent is called "rerun", so it cannot meet a contract key. */
const rerunKey = (failedRunId: string) => `rerun:${failedRunId}`

/**
 * Runs a run that failed for good once more, as a new agent_runs row: same agent, input, user
 * and fan-out join, the failed run as its parent, its own key derived from the failed run's id.
 * The failed row stays as it was (its error and alert are the history). Asking twice finds the
 * same re-run (the key is unique); a run that has not failed is a conflict. The owning server's
 * engine claims the row like any hop (NOTIFY now, its poll otherwise), so leases, retries and
 * the join behave as for every run; if the re-run fails too, re-run that one.
 */
export async function rerunFailedRun(sql: Sql, runId: string): Promise<RunAccepted> {
  return sql.begin(async (tx) => {
    const [run] = await tx<{ id: string; agent: string; input: unknown; status: RunStatus; max_attempts: number; user_id: string | null; join_key: string | null }[]>`
      SELECT id, agent, input, status, max_attempts, user_id, join_key FROM agent_runs WHERE id = ${runId}`
    if (!run) throw notFound(`agent run ${runId} not found`)
    if (run.status !== 'failed') throw conflict(`agent run ${runId} is ${run.status}, not failed: only a failed run can be re-run`)
    const rerun = await insertOrFindRun(tx, {
      agent: run.agent,
      key: rerunKey(run.id),
      input: run.input,
      maxAttempts: run.max_attempts,
      userId: run.user_id,
      parentRunId: run.id,
      joinKey: run.join_key,
    })
    if (!rerun.duplicate) await tx`SELECT pg_notify(${RUNS_CHANNEL}, ${run.agent})`
    return { run_id: rerun.id, status: rerun.status, duplicate: rerun.duplicate }
  })
}
