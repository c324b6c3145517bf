import type { Sql } from '#shared/db/create-sql.ts'
import type { Logger } from '#shared/logger.ts'
import type { RealtimeHub } from './realtime-hub.ts'
import { readNotificationInserts, readUserUpdates, type RowChange } from './row-change.ts'

/** A committed change the bridge heard of: which row to read back. */
export type ChangeNotice = { table: 'notifications'; id: number } | { table: 'users'; userId: string }

/**
 * Reads changed rows back and publishes them in the order they were noticed (commit order for
 * NOTIFY). While one read runs, notices queue; the next read takes each run of one table in a
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
      for (const run of runsOfOneTable(notices)) {
        try {
          for (const change of await read(sql, run)) hub.publish(change)
        } catch (err) {
          // the table is the truth: a client that re-joins with notifications_since gets these back
          log.warn({ err, table: run[0]!.table, rows: run.length }, 'realtime read-back failed')
        }
      }
    }
    draining = false
  }
  return (notice) => {
    queued.push(notice)
    if (!draining) void drain()
  }
}

function read(sql: Sql, run: ChangeNotice[]): Promise<RowChange[]> {
  const ids = run.flatMap((n) => (n.table === 'notifications' ? [n.id] : []))
  const userIds = run.flatMap((n) => (n.table === 'users' ? [n.userId] : []))
  return ids.length > 0 ? readNotificationInserts(sql, ids) : readUserUpdates(sql, userIds)
}

function runsOfOneTable(notices: ChangeNotice[]): ChangeNotice[][] {
  const runs: ChangeNotice[][] = []
  for (const notice of notices) {
    const run = runs.at(-1)
    if (run && run[0]!.table === notice.table) run.push(notice)
    else runs.push([notice])
  }
  return runs
}
