import type { Sql } from '#shared/db/create-sql.ts'

export interface NotificationRow {
  id: number
  user_id: string
  kind: string
  title: string
  body: string
  data: unknown
  status: string
  created_at: Date
}

export type RealtimeMessage =
  | { type: 'notification'; notification: NotificationRow }
  | { type: 'dashboard_ready' }

interface Subscriber {
  send(message: RealtimeMessage): void
  /** live notifications that arrive while the missed ones are being replayed */
  pending: NotificationRow[] | null
  lastSentId: number
}

/**
 * The sockets of this process, by user. Push is best effort (like Supabase Realtime); the
 * notifications table is the truth, so a reconnect with `since` first replays what was missed.
 */
export class RealtimeHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>()

  constructor(private readonly sql: Sql) {}

  async subscribe(userId: string, since: number, send: (m: RealtimeMessage) => void): Promise<() => void> {
    const subscriber: Subscriber = { send, pending: [], lastSentId: since }
    let set = this.subscribers.get(userId)
    if (!set) this.subscribers.set(userId, (set = new Set()))
    set.add(subscriber)
    const missed = await this.sql<NotificationRow[]>`
      SELECT id, user_id, kind, title, body, data, status, created_at FROM notifications
       WHERE user_id = ${userId} AND id > ${since} ORDER BY id LIMIT 500`
    const buffered = subscriber.pending ?? []
    subscriber.pending = null
    for (const row of [...missed.map(normalize), ...buffered].sort((a, b) => a.id - b.id)) this.deliver(subscriber, row)
    return () => {
      set.delete(subscriber)
      if (set.size === 0) this.subscribers.delete(userId)
    }
  }

  publishNotification(row: NotificationRow) {
    for (const subscriber of this.subscribers.get(row.user_id) ?? []) {
      if (subscriber.pending) subscriber.pending.push(row)
      else this.deliver(subscriber, row)
    }
  }

  publishDashboardReady(userId: string) {
    for (const subscriber of this.subscribers.get(userId) ?? []) subscriber.send({ type: 'dashboard_ready' })
  }

  get connectedUsers() {
    return this.subscribers.size
  }

  private deliver(subscriber: Subscriber, row: NotificationRow) {
    if (row.id <= subscriber.lastSentId) return
    subscriber.lastSentId = row.id
    subscriber.send({ type: 'notification', notification: row })
  }
}

export function normalize(row: NotificationRow): NotificationRow {
  return { ...row, id: Number(row.id) }
}
