import { defineAgent } from '#shared/agents/agent-implementation.ts'
import { effectiveWeights } from '../fit-score/effective-weights.ts'
import { currentJobFeatureSet } from '../fit-score/current-jobs.ts'
import { featureOptions } from '../fit-score/score-delta.ts'
import { loadActiveUser, loadActiveWeights } from '../fit-score/scoring-inputs.ts'
import { buildUserFeatures } from '../fit-score/user-features.ts'
import { computeSkillGaps } from './compute-skill-gaps.ts'
import { jobsForTargetRoles } from './jobs-for-target-roles.ts'

/**
 * Skill gap: the skills the current jobs in the user's target roles ask for and the user lacks,
 * ranked by demand × score uplift (with the user's own weights), stored in user_insights.
 */
export const skillGapAgent = defineAgent('skill-gap', {
  userIdOf: (input) => input.user_id,
  async run(input, ctx) {
    const user = await loadActiveUser(ctx.sql, input.user_id)
    let data: Record<string, unknown>
    if (user === undefined) {
      data = { status: 'no_resume', target_roles: [], jobs_analyzed: 0, gaps: [] }
    } else {
      // the same current-jobs set the full scan uses (persisted extracts, cached per process)
      const [{ weights: global }, { space, jobs }] = await Promise.all([
        loadActiveWeights(ctx.sql),
        currentJobFeatureSet(ctx.sql, ctx.config.FIT_SCORE_JOB_DAYS, featureOptions),
      ])
      const features = buildUserFeatures(space, user.input)
      const matching = jobsForTargetRoles(features, jobs)
      const weights = user.offsets === null ? global : effectiveWeights(global, user.offsets)
      data = {
        status: matching.length === 0 ? 'no_matching_jobs' : 'ok',
        target_roles: user.input.target_roles.length > 0 ? user.input.target_roles : user.input.profile.experience.slice(0, 2).map((e) => e.title),
        jobs_analyzed: matching.length,
        gaps: computeSkillGaps(features, matching, weights),
      }
    }
    await ctx.sql`
      INSERT INTO user_insights (user_id, kind, data)
      VALUES (${input.user_id}, 'skill_gap', ${ctx.sql.json({ ...data, reason: input.reason, computed_at: new Date().toISOString() } as never)})
      ON CONFLICT (user_id, kind) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`
    ctx.log.info({ status: data.status, jobs_analyzed: data.jobs_analyzed }, 'skill gaps stored')
    return { output: { user_id: input.user_id, status: data.status, jobs_analyzed: data.jobs_analyzed } }
  },
})
