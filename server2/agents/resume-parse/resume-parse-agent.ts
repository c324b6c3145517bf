import { defineAgent, hop } from '#shared/agents/agent-implementation.ts'

/** Agent 3: marks the resume parsed and fans out the onboarding siblings (the join flips dashboard_ready). */
export const resumeParseAgent = defineAgent('resume-parse', {
  async run(input, ctx) {
    const [resume] = await ctx.sql<{ user_id: string }[]>`
      UPDATE resumes SET status = 'parsed', parsed_at = now(), parse_error = NULL
       WHERE id = ${input.resume_id} RETURNING user_id`
    if (!resume) throw new Error(`resume ${input.resume_id} not found`)
    const reason = `resume:${input.resume_id}`
    return {
      output: { user_id: resume.user_id },
      fanout: {
        joinKey: `onboarding:${input.resume_id}`,
        kind: 'onboarding',
        userId: resume.user_id,
        hops: [
          hop('skill-gap', { user_id: resume.user_id, reason }),
          hop('career-intel', { user_id: resume.user_id, reason }),
          hop('fit-score', { mode: 'full_scan', user_id: resume.user_id, reason }),
        ],
      },
    }
  },
})
