import type { Logger } from '../logger.ts'
import type { ServerContext } from '../context.ts'
import { type AgentInput, type AgentName, type Agents, agents } from './agent-contracts.ts'

/** A next hop: the agent to run and its input, typed by the agent's contract. */
export interface Hop<N extends AgentName = AgentName> {
  agent: N
  input: AgentInput<N>
}

export function hop<N extends AgentName>(agent: N, input: AgentInput<N>): Hop<N> {
  return { agent, input }
}

export type JoinKind = 'onboarding' | 'apply_prep'

/** Siblings started together whose joint success is decided in SQL (complete_join_sibling). */
export interface Fanout {
  joinKey: string
  kind: JoinKind
  userId: string | null
  hops: Hop[]
}

export interface AgentOutcome {
  output?: unknown
  hops?: Hop[]
  fanout?: Fanout
}

export interface AgentRunContext extends ServerContext {
  runId: string
  attempt: number
  log: Logger
}

/** Thrown by an agent for a failure that retrying cannot fix (e.g. a scanned PDF). */
export class PermanentAgentError extends Error {
  override name = 'PermanentAgentError'
}

export interface AgentImplementation<N extends AgentName = AgentName> {
  contract: Agents[N]
  /** the user a run concerns, for logs and the agent_runs.user_id column */
  userIdOf?: (input: AgentInput<N>) => string | undefined
  run: (input: AgentInput<N>, ctx: AgentRunContext) => Promise<AgentOutcome>
  /** called once when the run fails for good, e.g. to tell the user */
  onFinalFailure?: (input: AgentInput<N>, error: string, ctx: AgentRunContext) => Promise<void>
}

/** An agent's behaviour bound to its contract (URL, input schema, idempotency key) by name. */
export function defineAgent<N extends AgentName>(
  name: N,
  implementation: Omit<AgentImplementation<N>, 'contract'>,
): AgentImplementation<N> {
  return { contract: agents[name], ...implementation }
}
