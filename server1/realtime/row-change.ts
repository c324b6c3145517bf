import type { PendingQuery, Row } from 'postgres'
import type { Sql } from '#shared/db/create-sql.ts'

/**
 * A committed row change one user may see, with the row as Supabase Realtime sends it: every
 * column, each value as `to_jsonb` renders it (what `realtime.cast` does for the WAL record).
 * `seq` is the notification's delivery_seq (commit order, migration 00009): what a subscription
 * has delivered up to, and what a client re-joins after.
 */
export type RowChange = NotificationInsert | UserUpdate

export interface NotificationInsert {
  table: 'notifications'
  type: 'INSERT'
  userId: string
  seq: number
  record: Record<string, unknown>
  commitTimestamp: string
}

/**
 * The only users UPDATE pushed is the dashboard_ready flip, and it travels with the
 * dashboard_ready notification the flip's transaction inserts: sent just before it, with its
 * seq, so whatever carries the notification (live, or a replay after a gap) carries the flip.
 */
export interface UserUpdate {
  table: 'users'
  type: 'UPDATE'
  userId: string
  seq: number
  record: Record<string, unknown>
  commitTimestamp: string
}

export type ChangeTable = RowChange['table']

interface NotificationChangeRow {
  user_id: string
  delivery_seq: string
  created_at: Date
  record: Record<string, unknown>
  /** the users row, for a dashboard_ready notification only */
  user_record: Record<string, unknown> | null
  user_updated_at: Date | null
}

/**
 * The commit timestamp is the row's own time (created_at; for the flip, updated_at, which it sets),
 * so a row replayed after a reconnect carries the same value it had live.
 */
function changesOf(row: NotificationChangeRow): RowChange[] {
  const seq = Number(row.delivery_seq)
  const insert: NotificationInsert = { table: 'notifications', type: 'INSERT', userId: row.user_id, seq, record: row.record, commitTimestamp: row.created_at.toISOString() }
  if (!row.user_record || !row.user_updated_at) return [insert]
  return [{ table: 'users', type: 'UPDATE', userId: row.user_id, seq, record: row.user_record, commitTimestamp: row.user_updated_at.toISOString() }, insert]
}

/** Notifications matching `where`, in delivery order. Operator notifications (no user) are never pushed. */
async function queryNotificationChanges(sql: Sql, where: PendingQuery<Row[]>, limit: number | null = null): Promise<{ rows: number; changes: RowChange[] }> {
  const rows = await sql<NotificationChangeRow[]>`
    SELECT n.user_id, n.delivery_seq, n.created_at, to_jsonb(n) AS record, to_jsonb(u) AS user_record, u.updated_at AS user_updated_at
      FROM notifications n
      LEFT JOIN users u ON n.kind = 'dashboard_ready' AND u.id = n.user_id
     WHERE ${where} AND n.user_id IS NOT NULL
     ORDER BY n.delivery_seq
     ${limit === null ? sql`` : sql`LIMIT ${limit}`}`
  return { rows: rows.length, changes: rows.flatMap(changesOf) }
}

/** The changes the bridge heard of, by notification id, in delivery order. */
export async function readNotificationChanges(sql: Sql, ids: number[]): Promise<RowChange[]> {
  return (await queryNotificationChanges(sql, sql`n.id = ANY (${ids}::bigint[])`)).changes
}

/** One page of a replay: the user's notifications after `afterSeq`, and how many rows it read. */
export function readMissedNotifications(sql: Sql, userId: string, afterSeq: number, limit: number) {
  return queryNotificationChanges(sql, sql`n.user_id = ${userId} AND n.delivery_seq > ${afterSeq}`, limit)
}

/** The user's newest delivery_seq (0 without notifications): where a live-only subscription starts. */
export async function readNewestDeliverySeq(sql: Sql, userId: string): Promise<number> {
  const [row] = await sql<{ seq: string | null }[]>`SELECT max(delivery_seq) AS seq FROM notifications WHERE user_id = ${userId}`
  return Number(row?.seq ?? 0)
}
