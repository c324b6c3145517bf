import { defineAgent } from '#shared/agents/agent-implementation.ts'
import { componentNames, toVector } from './component-vectors.ts'
import { fitGlobalWeights, MIN_MEANINGFUL_CHANGE, MIN_PER_CLASS, MIN_SAMPLE, type Outcome } from './fit-global-weights.ts'
import { resetWeeklyCounters } from './weekly-reset.ts'
import { markScoredUsersStale } from '#shared/scoring/mark-scored-users-stale.ts'
import { activateNewWeights, activeWeights } from './weights-versions.ts'

/** Outcomes from the last half year: older hiring markets say less about this one. */
const OUTCOME_WINDOW_DAYS = 180

/**
 * Sunday midnight IST: the weekly reset of apply counters, then Layer 3 — global component
 * weights refitted to interview/offer vs rejection outcomes across users. Too little data changes
 * nothing; otherwise a new version is written (bounded change, rollback target recorded) and every
 * scored user is marked stale.
 */
export const calibrateWeeklyAgent = defineAgent('calibrate-weekly', {
  async run(_input, ctx) {
    const reset = await resetWeeklyCounters(ctx.sql)
    // A retry after a crash past the commit must not fit (and move the weights) a second time.
    const [already] = await ctx.sql<{ version: number }[]>`
      SELECT version FROM scoring_weights WHERE metrics->>'run_id' = ${ctx.runId}`
    if (already) return { output: { reset_users: reset, changed: true, new_version: already.version } }
    const current = await activeWeights(ctx.sql)
    const names = componentNames(current.weights)
    // One outcome per (user, job): the application's status, or an outcome signal when the user
    // reported it without an application row (a manual apply outside Talvix).
    const rows = await ctx.sql<{ success: boolean; components: unknown }[]>`
      SELECT DISTINCT ON (o.user_id, o.job_id) o.success, f.components
        FROM (
          SELECT user_id, job_id, status IN ('interview', 'offer') AS success, updated_at AS at, 0 AS pref
            FROM job_applications WHERE job_id IS NOT NULL AND status IN ('interview', 'offer', 'rejected')
          UNION ALL
          SELECT user_id, job_id, kind IN ('interview', 'offer'), created_at, 1
            FROM signals WHERE job_id IS NOT NULL AND kind IN ('interview', 'offer', 'rejected')
        ) o
        JOIN fit_scores f ON f.user_id = o.user_id AND f.job_id = o.job_id
       WHERE o.at > now() - ${OUTCOME_WINDOW_DAYS} * interval '1 day'
       ORDER BY o.user_id, o.job_id, o.pref, o.at DESC`
    const outcomes: Outcome[] = rows.map((r) => ({ success: r.success ? 1 : 0, vector: toVector(r.components, names) }))
    const positives = outcomes.filter((o) => o.success === 1).length
    const base = { reset_users: reset, sample_size: outcomes.length, positives, version: current.version }
    if (outcomes.length < MIN_SAMPLE || positives < MIN_PER_CLASS || outcomes.length - positives < MIN_PER_CLASS) {
      ctx.log.info(base, 'weekly calibration: not enough outcomes; weights unchanged')
      return { output: { ...base, changed: false, reason: 'not enough outcomes' } }
    }
    const fit = fitGlobalWeights(names, current.weights, outcomes)
    if (fit.maxChange < MIN_MEANINGFUL_CHANGE) {
      ctx.log.info({ ...base, max_change: fit.maxChange }, 'weekly calibration: change below noise; weights unchanged')
      return { output: { ...base, changed: false, reason: 'change below noise', max_change: fit.maxChange } }
    }
    const { version, staleUsers } = await ctx.sql.begin(async (tx) => {
      const activated = await activateNewWeights(tx, current, fit.weights, `weekly calibration (${outcomes.length} outcomes)`, outcomes.length, {
        run_id: ctx.runId,
        positives,
        confidence: fit.confidence,
        coefficients: Object.fromEntries(names.map((n, i) => [n, fit.coefficients[i]])),
        log_loss_before: fit.logLossBefore,
        log_loss_after: fit.logLossAfter,
        max_change: fit.maxChange,
      })
      return { version: activated, staleUsers: await markScoredUsersStale(tx) }
    })
    ctx.log.info({ ...base, new_version: version, weights: fit.weights, stale_users: staleUsers }, 'weekly calibration: new weights active')
    return { output: { ...base, changed: true, new_version: version, stale_users: staleUsers, max_change: fit.maxChange } }
  },
})
