import type { Sql } from '#shared/db/create-sql.ts'
import { notFound } from '#shared/http/http-error.ts'
import { type Notification, NOTIFICATION_COLUMNS, type NotificationRow, toNotification } from './notification.ts'

/**
 * Marks one of the user's notifications read (keeping the first read time) or unread again.
 * Someone else's id is indistinguishable from a missing one: 404 either way.
 */
export async function markNotification(sql: Sql, userId: string, id: number, status: 'read' | 'unread'): Promise<Notification> {
  const [row] = await sql<NotificationRow[]>`
    UPDATE notifications
       SET status = ${status}, read_at = ${status === 'read' ? sql`COALESCE(read_at, now())` : null}
     WHERE id = ${id} AND user_id = ${userId}
     RETURNING ${sql(NOTIFICATION_COLUMNS)}`
  if (!row) throw notFound('notification not found')
  return toNotification(row)
}

export async function markAllRead(sql: Sql, userId: string): Promise<{ updated: number }> {
  const rows = await sql`
    UPDATE notifications SET status = 'read', read_at = now()
     WHERE user_id = ${userId} AND status = 'unread' RETURNING id`
  return { updated: rows.length }
}
