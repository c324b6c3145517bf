import { defineAgent } from '#shared/agents/agent-implementation.ts'

export const calibrateWeeklyAgent = defineAgent('calibrate-weekly', {
  async run(input) {
    return { output: { trigger: input.trigger } }
  },
})
