import { t } from 'elysia'
import type { Sql } from '#shared/db/create-sql.ts'
import { wholeNumber } from '../user-api/whole-number.ts'
import { Notification, NOTIFICATION_COLUMNS, type NotificationRow, NotificationStatus, toNotification } from './notification.ts'

export const NotificationQuery = t.Object({
  status: t.Optional(NotificationStatus),
  limit: t.Optional(t.Numeric({ description: 'page size, 1-100 (default 20)' })),
  cursor: t.Optional(t.Numeric({ description: 'next_cursor of the previous page' })),
})
export type NotificationQuery = typeof NotificationQuery.static

export const NotificationPage = t.Object({
  items: t.Array(Notification),
  next_cursor: t.Union([t.Integer(), t.Null()]),
  unread_count: t.Integer({ description: 'all unread notifications, not only this page' }),
})
export type NotificationPage = typeof NotificationPage.static

/** Newest first, keyset on id: new notifications arriving between pages do not shift later pages. */
export async function listNotifications(sql: Sql, userId: string, query: NotificationQuery): Promise<NotificationPage> {
  const limit = wholeNumber(query.limit ?? 20, 'limit', 1, 100)
  const cursor = query.cursor === undefined ? undefined : wholeNumber(query.cursor, 'cursor', 1)
  const rows = await sql<NotificationRow[]>`
    SELECT ${sql(NOTIFICATION_COLUMNS)} FROM notifications
     WHERE user_id = ${userId}
       ${query.status ? sql`AND status = ${query.status}` : sql``}
       ${cursor ? sql`AND id < ${cursor}` : sql``}
     ORDER BY id DESC LIMIT ${limit + 1}`
  const [unread] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND status = 'unread'`
  const items = rows.slice(0, limit).map(toNotification)
  return { items, next_cursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null, unread_count: unread?.n ?? 0 }
}
