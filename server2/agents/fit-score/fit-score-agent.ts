import { defineAgent, hop } from '#shared/agents/agent-implementation.ts'

/** Agent 6: delta mode scores a scrape run's jobs and chains to auto-apply; full scan refreshes one user. */
export const fitScoreAgent = defineAgent('fit-score', {
  userIdOf: (input) => (input.mode === 'full_scan' ? input.user_id : undefined),
  async run(input, ctx) {
    if (input.mode === 'delta') {
      await ctx.sql`UPDATE scrape_runs SET scoring_complete = TRUE WHERE id = ${input.scrape_run_id}`
      return {
        output: { scrape_run_id: input.scrape_run_id },
        hops: [hop('apply', { scope: 'scrape_run', scrape_run_id: input.scrape_run_id })],
      }
    }
    const [user] = await ctx.sql<{ stale_since: Date | null }[]>`
      SELECT fit_scores_stale_since AS stale_since FROM users WHERE id = ${input.user_id}`
    await ctx.sql`
      UPDATE users SET fit_scores_stale = FALSE, fit_scores_stale_since = NULL
       WHERE id = ${input.user_id}
         AND fit_scores_stale_since IS NOT DISTINCT FROM ${user?.stale_since ?? null}`
    return { output: { user_id: input.user_id } }
  },
})
