import { t } from 'elysia'

const Json = t.Record(t.String(), t.Unknown())
const Insight = t.Union([t.Object({ data: Json, updated_at: t.Date() }), t.Null()])

export const TopMatch = t.Object({
  job_id: t.Integer(),
  title: t.String(),
  company: t.String(),
  location: t.Union([t.String(), t.Null()]),
  url: t.Union([t.String(), t.Null()]),
  score: t.Integer(),
  explanation: Json,
  scored_at: t.Date(),
  /** the user's application for this job, if any */
  application: t.Union([t.Object({ id: t.Integer(), status: t.String(), auto_status: t.Union([t.String(), t.Null()]) }), t.Null()]),
})

export const Dashboard = t.Object({
  dashboard_ready: t.Boolean({ description: 'resume parsed and the first skill gap, career intel and full scan done' }),
  fit_scores_stale: t.Boolean({ description: 'a rescore is pending (roles, resume or location changed)' }),
  target_roles: t.Array(t.String()),
  resume: t.Union([
    t.Object({
      id: t.String({ format: 'uuid' }),
      status: t.String(),
      file_name: t.String(),
      created_at: t.Date(),
      parsed_at: t.Union([t.Date(), t.Null()]),
    }),
    t.Null(),
  ]),
  top_matches: t.Array(TopMatch),
  skill_gaps: Insight,
  career_intel: Insight,
  applications: t.Object({
    total: t.Integer(),
    by_status: t.Record(t.String(), t.Integer()),
    queued_for_review: t.Integer(),
    applied_this_week: t.Integer(),
  }),
  plan: t.Object({
    id: t.String(),
    name: t.String(),
    weekly_apply_quota: t.Integer(),
    quota_left: t.Integer({ description: 'auto applies left this week' }),
    review_mode_forced: t.Boolean(),
    subscription_started_at: t.Union([t.Date(), t.Null()]),
    subscription_ends_at: t.Union([t.Date(), t.Null()]),
    downgrade_at_period_end: t.Boolean(),
  }),
  unread_notifications: t.Integer(),
})
export type Dashboard = typeof Dashboard.static
