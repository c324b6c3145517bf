import { type BackgroundTask, intervalTask } from '#shared/boot/background-task.ts'
import type { ServerContext } from '#shared/context.ts'
import { orderedChangeReader } from './ordered-change-reader.ts'
import type { RealtimeHub } from './realtime-hub.ts'

const NOTIFICATIONS_CHANNEL = 'talvix_notifications'
const EMBEDDED_POLL_MS = 500

/**
 * Postgres → hub. With a real Postgres the insert trigger's NOTIFY names the row, which is read
 * back only when someone on this instance listens to its user. NOTIFYs sent while the LISTEN
 * connection is down are gone: when postgres.js listens again, every subscription replays from
 * the last row it delivered. The embedded database cannot NOTIFY across connections, so there
 * new notifications are polled in delivery_seq (commit) order, which skips none.
 */
export function notificationBridge(ctx: ServerContext, hub: RealtimeHub): BackgroundTask {
  const readBack = orderedChangeReader(ctx.sql, hub, ctx.log)
  if (ctx.embedded) {
    let lastSeq = -1
    return intervalTask(
      'realtime-poll',
      EMBEDDED_POLL_MS,
      async () => {
        if (lastSeq < 0) {
          const [row] = await ctx.sql<{ max: string | null }[]>`SELECT max(delivery_seq) AS max FROM notifications`
          lastSeq = Number(row?.max ?? 0)
          return
        }
        const rows = await ctx.sql<{ id: string; user_id: string | null; delivery_seq: string }[]>`
          SELECT id, user_id, delivery_seq FROM notifications WHERE delivery_seq > ${lastSeq} ORDER BY delivery_seq LIMIT 1000`
        if (rows.length === 0) return
        lastSeq = Number(rows.at(-1)!.delivery_seq)
        for (const row of rows) if (row.user_id && hub.watches(row.user_id)) readBack({ id: Number(row.id), userId: row.user_id })
      },
      (err) => ctx.log.warn({ err }, 'realtime poll failed'),
    )
  }
  let unlisten: (() => Promise<void>) | undefined
  return {
    name: 'realtime-listen',
    async start() {
      let listening = false
      const listener = await ctx.sql.listen(
        NOTIFICATIONS_CHANNEL,
        (payload) => {
          const { id, user_id } = JSON.parse(payload) as { id: number; user_id: string | null }
          if (user_id && hub.watches(user_id)) readBack({ id, userId: user_id })
        },
        () => {
          if (listening) {
            ctx.log.info('realtime LISTEN re-established; replaying what every subscription may have missed')
            hub.resync()
          }
          listening = true
        },
      )
      unlisten = listener.unlisten
    },
    async stop() {
      await unlisten?.().catch(() => {})
    },
  }
}
