import { defineAgent } from '#shared/agents/agent-implementation.ts'

export const sessionHealthAgent = defineAgent('session-health', {
  async run(input) {
    return { output: { trigger: input.trigger } }
  },
})
