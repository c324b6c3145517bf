import { defineAgent } from '#shared/agents/agent-implementation.ts'

export const skillGapAgent = defineAgent('skill-gap', {
  userIdOf: (input) => input.user_id,
  async run(input, ctx) {
    await ctx.sql`
      INSERT INTO user_insights (user_id, kind, data) VALUES (${input.user_id}, 'skill_gap', ${ctx.sql.json({ reason: input.reason })})
      ON CONFLICT (user_id, kind) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`
    return { output: { user_id: input.user_id } }
  },
})
