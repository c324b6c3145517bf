import { defineAgent, hop } from '#shared/agents/agent-implementation.ts'

const TAILORING_MIN_SCORE = 75

/**
 * Agent 12. For one application: a strong match (fit ≥ 75) is first prepared by tailoring ∥
 * cover letter (a join that hops back here), then submitted.
 */
export const applyAgent = defineAgent('apply', {
  userIdOf: (input) => (input.scope === 'user' ? input.user_id : undefined),
  async run(input, ctx) {
    if (input.scope !== 'application') return { output: { scope: input.scope } }
    const [application] = await ctx.sql<{ id: number; user_id: string; auto_status: string; fit_score: number | null }[]>`
      SELECT id, user_id, auto_status, fit_score FROM job_applications WHERE id = ${input.application_id}`
    if (!application) throw new Error(`application ${input.application_id} not found`)
    if (application.auto_status === 'approved' && (application.fit_score ?? 0) >= TAILORING_MIN_SCORE) {
      await ctx.sql`UPDATE job_applications SET auto_status = 'preparing', updated_at = now() WHERE id = ${application.id}`
      return {
        output: { application_id: application.id, status: 'preparing' },
        fanout: {
          joinKey: `apply-prep:${application.id}`,
          kind: 'apply_prep',
          userId: application.user_id,
          hops: [
            hop('resume-tailor', { application_id: application.id }),
            hop('cover-letter', { application_id: application.id }),
          ],
        },
      }
    }
    if (application.auto_status === 'approved' || application.auto_status === 'ready') {
      await ctx.sql`
        UPDATE job_applications SET auto_status = 'applied', applied_at = now(), updated_at = now()
         WHERE id = ${application.id} AND auto_status IN ('approved', 'ready')`
      return { output: { application_id: application.id, status: 'applied' } }
    }
    return { output: { application_id: application.id, status: application.auto_status } }
  },
})
