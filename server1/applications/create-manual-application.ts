import { t } from 'elysia'
import type { Sql } from '#shared/db/create-sql.ts'
import { conflict, unprocessable } from '#shared/http/http-error.ts'
import { cleanText } from '../profile/clean-list.ts'
import { type Application, type ApplicationRow, ApplicationStatus, toApplication } from './application.ts'

export const ManualApplicationBody = t.Object({
  job_id: t.Optional(t.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'a Talvix job id' })),
  job_url: t.Optional(t.String({ pattern: '^https?://[^\\s\\x00]+$', maxLength: 2048, description: 'for jobs Talvix did not scrape' })),
  company: t.Optional(t.String({ minLength: 1, maxLength: 200, description: "defaults to the job's company" })),
  title: t.Optional(t.String({ minLength: 1, maxLength: 200, description: "defaults to the job's title" })),
  status: t.Optional(ApplicationStatus),
})
export type ManualApplicationBody = typeof ManualApplicationBody.static

/**
 * Records an application the user made themselves, and the `manual_apply` signal the
 * calibration agents learn from, in one transaction. One application per user and job:
 * a second one is a 409 naming the first.
 */
export async function createManualApplication(sql: Sql, userId: string, body: ManualApplicationBody): Promise<Application> {
  if (body.job_id === undefined && body.job_url === undefined) {
    throw unprocessable('send job_id (a Talvix job) or job_url (any other job)', 'job_id')
  }
  let company = body.company === undefined ? undefined : cleanText(body.company, 'company')
  let title = body.title === undefined ? undefined : cleanText(body.title, 'title')
  let jobUrl = body.job_url ?? null
  if (body.job_id !== undefined) {
    const [job] = await sql<{ company: string; title: string; url: string | null }[]>`
      SELECT company, title, url FROM jobs WHERE id = ${body.job_id}`
    if (!job) throw unprocessable(`job ${body.job_id} does not exist`, 'job_id')
    company ??= job.company
    title ??= job.title
    jobUrl ??= job.url
  }
  if (company === undefined) throw unprocessable('company is required without a job_id', 'company')
  if (title === undefined) throw unprocessable('title is required without a job_id', 'title')
  const status = body.status ?? 'applied'

  return sql.begin(async (tx) => {
    const [row] = await tx<ApplicationRow[]>`
      INSERT INTO job_applications (user_id, job_id, job_url, company, title, source, status, applied_at)
      VALUES (${userId}, ${body.job_id ?? null}, ${jobUrl}, ${company}, ${title}, 'manual', ${status},
              ${status === 'saved' ? null : new Date()})
      ON CONFLICT DO NOTHING
      RETURNING *`
    if (!row) {
      const [existing] = await tx<{ id: string }[]>`
        SELECT id FROM job_applications
         WHERE user_id = ${userId}
           AND (job_id = ${body.job_id ?? null} OR (job_id IS NULL AND job_url = ${jobUrl}))`
      throw conflict(`this job is already in your applications${existing ? ` (application ${existing.id})` : ''}`)
    }
    await tx`
      INSERT INTO signals (user_id, kind, job_id, application_id, data)
      VALUES (${userId}, 'manual_apply', ${body.job_id ?? null}, ${row.id}, ${tx.json({ status })})`
    return toApplication(row)
  })
}
