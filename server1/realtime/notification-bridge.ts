import { type BackgroundTask, intervalTask } from '#shared/boot/background-task.ts'
import type { ServerContext } from '#shared/context.ts'
import { orderedChangeReader } from './ordered-change-reader.ts'
import type { RealtimeHub } from './realtime-hub.ts'

const NOTIFICATIONS_CHANNEL = 'talvix_notifications'
const USERS_CHANNEL = 'talvix_users'
const EMBEDDED_POLL_MS = 500

/**
 * Postgres → hub. With a real Postgres the triggers' NOTIFYs (notification inserted, dashboard_ready
 * flipped) name the row, which is read back only when someone on this instance listens to its
 * user. The embedded database cannot NOTIFY across connections, so there new notifications are
 * polled, and the dashboard_ready notification (inserted in the flip's transaction) stands in for
 * the users-table NOTIFY.
 */
export function notificationBridge(ctx: ServerContext, hub: RealtimeHub): BackgroundTask {
  const readBack = orderedChangeReader(ctx.sql, hub, ctx.log)
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
        const rows = await ctx.sql<{ id: string; user_id: string | null; kind: string }[]>`
          SELECT id, user_id, kind FROM notifications WHERE id > ${lastId} ORDER BY id LIMIT 1000`
        if (rows.length === 0) return
        lastId = Number(rows.at(-1)!.id)
        for (const row of rows) {
          if (!row.user_id || !hub.watches(row.user_id)) continue
          if (row.kind === 'dashboard_ready') readBack({ table: 'users', userId: row.user_id })
          readBack({ table: 'notifications', id: Number(row.id) })
        }
      },
      (err) => ctx.log.warn({ err }, 'realtime poll failed'),
    )
  }
  const unlisteners: (() => Promise<void>)[] = []
  return {
    name: 'realtime-listen',
    async start() {
      const onNotification = await ctx.sql.listen(NOTIFICATIONS_CHANNEL, (payload) => {
        const { id, user_id } = JSON.parse(payload) as { id: number; user_id: string | null }
        if (user_id && hub.watches(user_id)) readBack({ table: 'notifications', id })
      })
      const onUser = await ctx.sql.listen(USERS_CHANNEL, (payload) => {
        const { user_id } = JSON.parse(payload) as { user_id: string }
        if (hub.watches(user_id)) readBack({ table: 'users', userId: user_id })
      })
      unlisteners.push(onNotification.unlisten, onUser.unlisten)
    },
    async stop() {
      for (const unlisten of unlisteners) await unlisten().catch(() => {})
    },
  }
}
