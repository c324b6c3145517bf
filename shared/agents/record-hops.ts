import type { Tx } from '../db/create-sql.ts'
import { agents } from './agent-contracts.ts'
import type { Fanout, Hop } from './agent-implementation.ts'
import { insertOrFindRun, type NewRun } from './agent-run-queries.ts'

export interface QueuedHop {
  hop: Hop
  runId: string
}

/**
 * Writes each next hop as a pending agent_runs row inside the completing transaction (an
 * outbox): the HTTP POST that follows is only a nudge, so a lost POST loses nothing.
 */
export async function recordHops(tx: Tx, hops: Hop[], parentRunId: string | null, joinKey: string | null): Promise<QueuedHop[]> {
  const queued: QueuedHop[] = []
  for (const hop of hops) {
    const run = await insertOrFindRun(tx, { ...newRunFor(hop), parentRunId, joinKey })
    queued.push({ hop, runId: run.id })
  }
  return queued
}

/** The agent_runs row a hop becomes: its contract gives the idempotency key and the attempt budget. */
export function newRunFor(hop: Hop): NewRun {
  const contract = agents[hop.agent]
  const input = hop.input as never
  return { agent: hop.agent, key: contract.key(input), input, maxAttempts: contract.maxAttempts, userId: userIdIn(hop.input) }
}

export async function recordFanout(tx: Tx, fanout: Fanout, parentRunId: string): Promise<QueuedHop[]> {
  await tx`
    INSERT INTO fanout_joins (join_key, kind, user_id, expected)
    VALUES (${fanout.joinKey}, ${fanout.kind}, ${fanout.userId}, ${fanout.hops.map((h) => h.agent)})
    ON CONFLICT (join_key) DO NOTHING`
  return recordHops(tx, fanout.hops, parentRunId, fanout.joinKey)
}

function userIdIn(input: unknown): string | null {
  const userId = (input as { user_id?: unknown }).user_id
  return typeof userId === 'string' ? userId : null
}
