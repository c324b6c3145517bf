import { defineAgent } from '#shared/agents/agent-implementation.ts'
import type { JobStructure } from '#shared/schemas/job-structure.ts'
import { buildJobFeatureSet } from '../fit-score/job-features.ts'
import { featureOptions } from '../fit-score/score-delta.ts'
import { loadActiveUser } from '../fit-score/scoring-inputs.ts'
import { buildUserFeatures } from '../fit-score/user-features.ts'
import { jobsForTargetRoles } from '../skill-gap/jobs-for-target-roles.ts'
import { computeCareerIntel } from './compute-career-intel.ts'

/** The trend compares four weeks, so four weeks of postings are read. */
const WINDOW_DAYS = 28

interface MarketRow {
  id: string
  title: string
  company: string
  structured: JobStructure
  first_seen_at: Date
}

/**
 * Career intel: the market for the user's target roles (job count and 4-week trend, salary band
 * in LPA, top companies and cities, remote share, most-demanded skills), stored in user_insights.
 * Postings match a role by the same synonym-aware title similarity fit scoring uses.
 */
export const careerIntelAgent = defineAgent('career-intel', {
  userIdOf: (input) => input.user_id,
  async run(input, ctx) {
    const user = await loadActiveUser(ctx.sql, input.user_id)
    let data: Record<string, unknown>
    if (user === undefined) {
      data = { status: 'no_resume', target_roles: [] }
    } else {
      const rows = await ctx.sql<MarketRow[]>`
        SELECT id, title, company, structured, first_seen_at FROM jobs
         WHERE jd_cleaned AND structured IS NOT NULL AND duplicate_of IS NULL
           AND first_seen_at > now() - make_interval(days => ${WINDOW_DAYS})
         ORDER BY id`
      const { space, jobs } = buildJobFeatureSet(
        rows.map((r) => ({ job_id: r.id, title: r.title, company: r.company, structure: r.structured, clean_text: null })),
        featureOptions,
      )
      const features = buildUserFeatures(space, user.input)
      const byId = new Map(rows.map((r) => [r.id, r]))
      const matching = jobsForTargetRoles(features, jobs).map((job) => {
        const row = byId.get(job.job_id) as MarketRow
        return { company: row.company, structure: row.structured, first_seen_at: row.first_seen_at }
      })
      data = {
        status: matching.length === 0 ? 'no_matching_jobs' : 'ok',
        target_roles: user.input.target_roles.length > 0 ? user.input.target_roles : user.input.profile.experience.slice(0, 2).map((e) => e.title),
        window_days: WINDOW_DAYS,
        ...computeCareerIntel(matching, new Date(), (id) => space.skillName(id)),
      }
    }
    await ctx.sql`
      INSERT INTO user_insights (user_id, kind, data)
      VALUES (${input.user_id}, 'career_intel', ${ctx.sql.json({ ...data, reason: input.reason, computed_at: new Date().toISOString() } as never)})
      ON CONFLICT (user_id, kind) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`
    ctx.log.info({ status: data.status, job_count: data.job_count }, 'career intel stored')
    return { output: { user_id: input.user_id, status: data.status, job_count: data.job_count ?? 0 } }
  },
})
