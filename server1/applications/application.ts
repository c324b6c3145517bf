import { t } from 'elysia'

/** Where the user stands with the employer (manual and auto applications alike). */
export const ApplicationStatus = t.Union([
  t.Literal('saved'),
  t.Literal('applied'),
  t.Literal('interview'),
  t.Literal('offer'),
  t.Literal('rejected'),
  t.Literal('withdrawn'),
])

/** Where Agent 12 stands with an auto application; null for manual ones. */
export const AutoStatus = t.Union([
  t.Literal('queued'),
  t.Literal('approved'),
  t.Literal('preparing'),
  t.Literal('ready'),
  t.Literal('submitting'),
  t.Literal('applied'),
  t.Literal('failed'),
  t.Literal('skipped'),
])

export const Application = t.Object({
  id: t.Integer(),
  job_id: t.Union([t.Integer(), t.Null()]),
  job_url: t.Union([t.String(), t.Null()]),
  company: t.String(),
  title: t.String(),
  source: t.Union([t.Literal('manual'), t.Literal('auto')]),
  status: ApplicationStatus,
  auto_status: t.Union([AutoStatus, t.Null()]),
  fit_score: t.Union([t.Integer(), t.Null()]),
  failure_reason: t.Union([t.String(), t.Null()]),
  applied_at: t.Union([t.Date(), t.Null()]),
  created_at: t.Date(),
  updated_at: t.Date(),
})
export type Application = typeof Application.static

/** The row as postgres.js returns it: bigint columns arrive as strings. */
export type ApplicationRow = Omit<Application, 'id' | 'job_id'> & { id: string; job_id: string | null }

/** Ids are bigserial; JSON numbers are exact far beyond any id this table will reach. */
export function toApplication(row: ApplicationRow): Application {
  return { ...row, id: Number(row.id), job_id: row.job_id === null ? null : Number(row.job_id) }
}
