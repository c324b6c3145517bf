import { defineAgent } from '#shared/agents/agent-implementation.ts'

export const coachAgent = defineAgent('coach', {
  userIdOf: (input) => input.user_id,
  async run(input) {
    return { output: { trigger: input.trigger } }
  },
})
