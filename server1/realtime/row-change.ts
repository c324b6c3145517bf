import type { Sql } from '#shared/db/create-sql.ts'

/**
 * A committed row change one user may see, with the row as Supabase Realtime sends it: every
 * column, each value as `to_jsonb` renders it (what `realtime.cast` does for the WAL record).
 */
export type RowChange = NotificationInsert | UserUpdate

export interface NotificationInsert {
  table: 'notifications'
  type: 'INSERT'
  userId: string
  id: number
  record: Record<string, unknown>
  commitTimestamp: string
}

export interface UserUpdate {
  table: 'users'
  type: 'UPDATE'
  userId: string
  record: Record<string, unknown>
  commitTimestamp: string
}

export type ChangeTable = RowChange['table']

interface NotificationRow {
  id: string
  user_id: string
  created_at: Date
  record: Record<string, unknown>
}

interface UserRow {
  id: string
  updated_at: Date
  record: Record<string, unknown>
}

/**
 * The commit timestamp is the row's own time (created_at), so a row replayed after a reconnect
 * carries the same value it had live. Operator notifications (no user) are never pushed.
 */
const notificationInsert = (row: NotificationRow): NotificationInsert => ({
  table: 'notifications',
  type: 'INSERT',
  userId: row.user_id,
  id: Number(row.id),
  record: row.record,
  commitTimestamp: row.created_at.toISOString(),
})

/** The only users UPDATE pushed is the dashboard_ready flip, which sets updated_at in its transaction. */
const userUpdate = (row: UserRow): UserUpdate => ({
  table: 'users',
  type: 'UPDATE',
  userId: row.id,
  record: row.record,
  commitTimestamp: row.updated_at.toISOString(),
})

export async function readNotificationInserts(sql: Sql, ids: number[]): Promise<NotificationInsert[]> {
  const rows = await sql<NotificationRow[]>`
    SELECT n.id, n.user_id, n.created_at, to_jsonb(n) AS record FROM notifications n
     WHERE n.id = ANY (${ids}::bigint[]) AND n.user_id IS NOT NULL ORDER BY n.id`
  return rows.map(notificationInsert)
}

/** The user's notifications after `afterId`, oldest first: one page of a replay. */
export async function readMissedNotifications(sql: Sql, userId: string, afterId: number, limit: number): Promise<NotificationInsert[]> {
  const rows = await sql<NotificationRow[]>`
    SELECT n.id, n.user_id, n.created_at, to_jsonb(n) AS record FROM notifications n
     WHERE n.user_id = ${userId} AND n.id > ${afterId} ORDER BY n.id LIMIT ${limit}`
  return rows.map(notificationInsert)
}

export async function readUserUpdates(sql: Sql, userIds: string[]): Promise<UserUpdate[]> {
  const rows = await sql<UserRow[]>`
    SELECT u.id, u.updated_at, to_jsonb(u) AS record FROM users u WHERE u.id = ANY (${userIds}::uuid[])`
  return rows.map(userUpdate)
}
