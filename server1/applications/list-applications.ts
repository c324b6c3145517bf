import { t } from 'elysia'
import type { Sql } from '#shared/db/create-sql.ts'
import { wholeNumber } from '../user-api/whole-number.ts'
import { Application, type ApplicationRow, ApplicationStatus, AutoStatus, toApplication } from './application.ts'

export const ApplicationFilter = t.Object({
  status: t.Optional(ApplicationStatus),
  source: t.Optional(t.Union([t.Literal('manual'), t.Literal('auto')])),
  auto_status: t.Optional(AutoStatus),
  limit: t.Optional(t.Numeric({ description: 'page size, 1-100 (default 20)' })),
  cursor: t.Optional(t.Numeric({ description: 'next_cursor of the previous page' })),
})
export type ApplicationFilter = typeof ApplicationFilter.static

export const ApplicationPage = t.Object({
  items: t.Array(Application),
  /** pass as `cursor` for the next page; null on the last page */
  next_cursor: t.Union([t.Integer(), t.Null()]),
  /** how many applications match the filters, across all pages */
  total: t.Integer(),
})
export type ApplicationPage = typeof ApplicationPage.static

/** Newest first, keyset-paginated on id (stable while new applications arrive). */
export async function listApplications(sql: Sql, userId: string, filter: ApplicationFilter): Promise<ApplicationPage> {
  const limit = wholeNumber(filter.limit ?? 20, 'limit', 1, 100)
  const cursor = filter.cursor === undefined ? undefined : wholeNumber(filter.cursor, 'cursor', 1)
  const matches = sql`
    user_id = ${userId}
    ${filter.status ? sql`AND status = ${filter.status}` : sql``}
    ${filter.source ? sql`AND source = ${filter.source}` : sql``}
    ${filter.auto_status ? sql`AND auto_status = ${filter.auto_status}` : sql``}`
  const rows = await sql<ApplicationRow[]>`
    SELECT * FROM job_applications
     WHERE ${matches} ${cursor ? sql`AND id < ${cursor}` : sql``}
     ORDER BY id DESC LIMIT ${limit + 1}`
  const [count] = await sql<{ total: number }[]>`SELECT count(*)::int AS total FROM job_applications WHERE ${matches}`
  const items = rows.slice(0, limit).map(toApplication)
  return {
    items,
    next_cursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
    total: count?.total ?? 0,
  }
}
