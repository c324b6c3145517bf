import type { Sql } from '#shared/db/create-sql.ts'
import type { Logger } from '#shared/logger.ts'
import type { RealtimeHub } from './realtime-hub.ts'
import { readNotificationChanges } from './row-change.ts'

/** A committed notification the bridge heard of, for a user someone here watches. */
export interface ChangeNotice {
  id: number
  userId: string
}

/**
 * Reads notified rows back and publishes them in the order they were noticed (commit order, as
 * NOTIFY delivers them). While one read runs, notices queue; the next read takes them all in a
 * single query, so a burst of inserts costs a few queries, not one each.
 */
export function orderedChangeReader(sql: Sql, hub: RealtimeHub, log: Logger): (notice: ChangeNotice) => void {
  let queued: ChangeNotice[] = []
  let draining = false
  const drain = async () => {
    draining = true
    while (queued.length > 0) {
      const notices = queued
      queued = []
      try {
        for (const change of await readNotificationChanges(sql, notices.map((n) => n.id))) hub.publish(change)
      } catch (err) {
        // before any later row is published: those users' subscriptions hold live rows and replay
        log.warn({ err, rows: notices.length }, 'realtime read-back failed; replaying for its users')
        hub.resync(notices.map((n) => n.userId))
      }
    }
    draining = false
  }
  return (notice) => {
    queued.push(notice)
    if (!draining) void drain()
  }
}
