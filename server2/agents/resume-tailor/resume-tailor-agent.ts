import { defineAgent } from '#shared/agents/agent-implementation.ts'

export const resumeTailorAgent = defineAgent('resume-tailor', {
  async run(input, ctx) {
    const path = `tailored/${input.application_id}.pdf`
    await ctx.sql`UPDATE job_applications SET tailored_resume_path = ${path}, updated_at = now() WHERE id = ${input.application_id}`
    return { output: { path } }
  },
})
