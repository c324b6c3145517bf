import { defineAgent, hop } from '#shared/agents/agent-implementation.ts'
import { currentJobFeatureSet } from './current-jobs.ts'
import { featureOptions, scoreDelta } from './score-delta.ts'
import { scoreFullScan } from './score-full-scan.ts'

/** Agent 6: delta mode scores a scrape run's jobs and chains to auto-apply; full scan refreshes one user. */
export const fitScoreAgent = defineAgent('fit-score', {
  userIdOf: (input) => (input.mode === 'full_scan' ? input.user_id : undefined),
  async run(input, ctx) {
    const policy = { floor: ctx.config.FIT_SCORE_FLOOR, topN: ctx.config.FIT_SCORE_TOP_N }
    // A delta run adds at most FIT_SCORE_MAX_PER_RUN scores per user (see README, "Storage"); a full scan is one user's whole set.
    const cap = ctx.config.FIT_SCORE_MAX_PER_RUN
    const started = performance.now()
    if (input.mode === 'delta') {
      const stats = await scoreDelta(ctx.sql, input.scrape_run_id, cap > 0 ? { ...policy, maxPerRun: cap } : policy)
      // The run changed the current jobs: rebuild this process's set now, so the next full scan
      // (a resume upload, a roles change) does not pay for it.
      const warmStarted = performance.now()
      await currentJobFeatureSet(ctx.sql, ctx.config.FIT_SCORE_JOB_DAYS, featureOptions)
      stats.phase_ms.warm_full_scan = Math.round(performance.now() - warmStarted)
      await ctx.sql`UPDATE scrape_runs SET scoring_complete = TRUE WHERE id = ${input.scrape_run_id}`
      ctx.log.info({ scrape_run_id: input.scrape_run_id, ...stats, ms: Math.round(performance.now() - started) }, 'delta scoring done')
      return {
        output: { scrape_run_id: input.scrape_run_id, ...stats },
        hops: [hop('apply', { scope: 'scrape_run', scrape_run_id: input.scrape_run_id })],
      }
    }
    // Read before scoring: a roles or resume change during the scan sets a newer timestamp, and
    // then the flag must stay set so the next poll scans again with what changed.
    // Compared as text (postgres.js turns a timestamptz parameter into a JS Date, which drops the
    // microseconds now() wrote, and the flag would never clear).
    const [user] = await ctx.sql<{ stale_since: string | null }[]>`
      SELECT fit_scores_stale_since::text AS stale_since FROM users WHERE id = ${input.user_id}`
    const stats = await scoreFullScan(ctx.sql, input.user_id, policy, ctx.config.FIT_SCORE_JOB_DAYS)
    await ctx.sql`
      UPDATE users SET fit_scores_stale = FALSE, fit_scores_stale_since = NULL
       WHERE id = ${input.user_id}
         AND fit_scores_stale_since IS NOT DISTINCT FROM ${user?.stale_since ?? null}::text::timestamptz`
    ctx.log.info({ ...stats, ms: Math.round(performance.now() - started) }, 'full scan done')
    return { output: { user_id: input.user_id, ...stats } }
  },
})
