import type { AgentImplementation } from '#shared/agents/agent-implementation.ts'

/**
 * Wraps agents so a test can count executions and hold or fail an attempt on purpose. The wrapped
 * agent still does its real work afterwards.
 */
export function instrumentAgents(
  agents: AgentImplementation[],
  control: {
    executions: Map<string, number>
    before?: (agent: string, input: unknown, attempt: number) => Promise<void>
  },
): AgentImplementation[] {
  return agents.map((agent) => ({
    ...agent,
    async run(input, ctx) {
      const name = agent.contract.name
      control.executions.set(name, (control.executions.get(name) ?? 0) + 1)
      await control.before?.(name, input, ctx.attempt)
      return agent.run(input as never, ctx)
    },
  }))
}
