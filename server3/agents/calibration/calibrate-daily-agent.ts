import { defineAgent } from '#shared/agents/agent-implementation.ts'

export const calibrateDailyAgent = defineAgent('calibrate-daily', {
  async run(input) {
    return { output: { trigger: input.trigger } }
  },
})
