import { t } from 'elysia'

export const NotificationStatus = t.Union([t.Literal('unread'), t.Literal('read')])

export const Notification = t.Object({
  id: t.Integer(),
  delivery_seq: t.Integer({
    description: 'commit order: the newest one a page has is where its realtime join replays from (notifications_after_seq, docs/frontend.md)',
  }),
  kind: t.String({ description: 'e.g. plan_upgraded, dashboard_ready, session_invalid' }),
  title: t.String(),
  body: t.String(),
  data: t.Record(t.String(), t.Unknown()),
  status: NotificationStatus,
  created_at: t.Date(),
  read_at: t.Union([t.Date(), t.Null()]),
})
export type Notification = typeof Notification.static

export type NotificationRow = Omit<Notification, 'id' | 'delivery_seq'> & { id: string; delivery_seq: string }

/** bigint columns are strings from postgres.js; the realtime push sends them as numbers too. */
export const toNotification = (row: NotificationRow): Notification => ({ ...row, id: Number(row.id), delivery_seq: Number(row.delivery_seq) })

/** Selected columns (never user_id/audience/dedupe_key: internal). */
export const NOTIFICATION_COLUMNS = ['id', 'delivery_seq', 'kind', 'title', 'body', 'data', 'status', 'created_at', 'read_at'] as const
