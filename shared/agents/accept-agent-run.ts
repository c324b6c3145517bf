import type { AgentInput, AgentName, RunAccepted } from './agent-contracts.ts'
import type { AgentServerDeps } from './agent-server-deps.ts'

/** The whole body of an agent endpoint: record or find the run, answer 202 with its id. */
export async function acceptAgentRun<N extends AgentName>(
  deps: AgentServerDeps,
  agent: N,
  input: AgentInput<N>,
  set: { status?: number | string },
): Promise<RunAccepted> {
  const accepted = await deps.engine.accept(agent, input)
  set.status = 202
  return accepted
}
