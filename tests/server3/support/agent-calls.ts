import type postgres from 'postgres'
import type { AgentInput, RunAccepted } from '#shared/agents/agent-contracts.ts'
import { agents } from '#shared/agents/agent-contracts.ts'
import { signedPost } from '../../support/signed-post.ts'
import type { TestCluster } from '../../support/test-servers.ts'
import { waitFor } from '../../support/wait-for.ts'

/** POSTs a signed agent request to Server 3 over HTTP, as another server or pg_cron's claimer would. */
export async function postAgent<N extends 'scrape' | 'session-health' | 'calibrate-daily' | 'calibrate-weekly' | 'apply'>(
  cluster: TestCluster,
  agent: N,
  input: AgentInput<N>,
): Promise<RunAccepted> {
  const path = agents[agent].path
  const res = await signedPost(cluster.urls.server3, path, input)
  if (res.status !== 202) throw new Error(`${path} answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as RunAccepted
}

export interface FinishedRun {
  id: string
  status: 'succeeded' | 'failed'
  output: Record<string, unknown> | null
  error: string | null
}

/** Waits until the run with this idempotency key has finished (succeeded or failed for good). */
export function waitForRun(sql: postgres.Sql, key: string, timeoutMs = 30_000): Promise<FinishedRun> {
  return waitFor(
    `run ${key}`,
    async () => {
      const [run] = await sql<FinishedRun[]>`SELECT id, status, output, error FROM agent_runs WHERE idempotency_key = ${key}`
      return run && (run.status === 'succeeded' || run.status === 'failed') ? run : null
    },
    timeoutMs,
    50,
  )
}

/** Waits until no apply run is pending or running (the chain of hops has settled). */
export function waitForApplyIdle(sql: postgres.Sql, timeoutMs = 60_000) {
  return waitFor(
    'apply runs to settle',
    async () => {
      const [row] = await sql<{ busy: number }[]>`
        SELECT count(*)::int AS busy FROM agent_runs
         WHERE agent IN ('apply', 'resume-tailor', 'cover-letter') AND status IN ('pending', 'running')`
      return row?.busy === 0 ? true : null
    },
    timeoutMs,
    100,
  )
}
