import { type BackgroundTask, intervalTask } from '#shared/boot/background-task.ts'
import type { ServerContext } from '#shared/context.ts'
import { normalize, type NotificationRow, type RealtimeHub } from './realtime-hub.ts'

const NOTIFICATIONS_CHANNEL = 'talvix_notifications'
const USERS_CHANNEL = 'talvix_users'
const EMBEDDED_POLL_MS = 500

/**
 * Postgres → WebSocket. With a real Postgres, the insert trigger's NOTIFY carries the id and the
 * row is read back. The embedded database cannot NOTIFY across connections, so there (only) new
 * rows are polled.
 */
export function notificationBridge(ctx: ServerContext, hub: RealtimeHub): BackgroundTask {
  // Embedded mode has no users-table NOTIFY; there the dashboard_ready notification stands in for it.
  const readAndPublish = async (ids: number[], options = { announceDashboardReady: false }) => {
    const rows = await ctx.sql<NotificationRow[]>`
      SELECT id, user_id, kind, title, body, data, status, created_at FROM notifications
       WHERE id = ANY (${ids}::bigint[]) AND user_id IS NOT NULL ORDER BY id`
    for (const row of rows) {
      hub.publishNotification(normalize(row))
      if (options.announceDashboardReady && row.kind === 'dashboard_ready') hub.publishDashboardReady(row.user_id)
    }
  }
  if (ctx.embedded) {
    let lastId = -1
    return intervalTask(
      'realtime-poll',
      EMBEDDED_POLL_MS,
      async () => {
        if (lastId < 0) {
          const [row] = await ctx.sql<{ max: string | null }[]>`SELECT max(id) AS max FROM notifications`
          lastId = Number(row?.max ?? 0)
          return
        }
        const rows = await ctx.sql<{ id: string }[]>`SELECT id FROM notifications WHERE id > ${lastId} ORDER BY id LIMIT 1000`
        if (rows.length === 0) return
        lastId = Number(rows.at(-1)!.id)
        await readAndPublish(rows.map((r) => Number(r.id)), { announceDashboardReady: true })
      },
      (err) => ctx.log.warn({ err }, 'realtime poll failed'),
    )
  }
  const unlisteners: (() => Promise<void>)[] = []
  return {
    name: 'realtime-listen',
    async start() {
      const onNotification = await ctx.sql.listen(NOTIFICATIONS_CHANNEL, (payload) => {
        const { id, user_id, row } = JSON.parse(payload) as {
          id: number
          user_id: string | null
          row?: Omit<NotificationRow, 'created_at'> & { created_at: string }
        }
        if (!user_id) return
        if (row) hub.publishNotification(normalize({ ...row, created_at: new Date(row.created_at) }))
        else readAndPublish([id]).catch((err) => ctx.log.warn({ err }, 'realtime read failed'))
      })
      const onUser = await ctx.sql.listen(USERS_CHANNEL, (payload) => {
        const { user_id } = JSON.parse(payload) as { user_id: string }
        hub.publishDashboardReady(user_id)
      })
      unlisteners.push(onNotification.unlisten, onUser.unlisten)
    },
    async stop() {
      for (const unlisten of unlisteners) await unlisten().catch(() => {})
    },
  }
}
