import { defineAgent } from '#shared/agents/agent-implementation.ts'

export const coverLetterAgent = defineAgent('cover-letter', {
  async run(input, ctx) {
    const path = `cover-letters/${input.application_id}.pdf`
    await ctx.sql`UPDATE job_applications SET cover_letter_path = ${path}, updated_at = now() WHERE id = ${input.application_id}`
    return { output: { path } }
  },
})
