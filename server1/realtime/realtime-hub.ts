import type { Sql } from '#shared/db/create-sql.ts'
import { readMissedNotifications, type RowChange } from './row-change.ts'

const REPLAY_PAGE = 500

/**
 * The subscriptions of this process, by user: the bridge publishes each committed change to the
 * subscriptions of its user only, so a subscription can never see another user's row. Push is
 * best effort (as on Supabase); the notifications table is the truth, so a subscription that says
 * which notification it saw last is first replayed what it missed.
 */
export class RealtimeHub {
  private readonly subscriptions = new Map<string, Set<HubSubscription>>()

  constructor(private readonly sql: Sql) {}

  /** Collects the user's changes from now on; they reach `deliver` once `catchUp` has run. */
  subscribe(userId: string, deliver: (change: RowChange) => void): HubSubscription {
    let set = this.subscriptions.get(userId)
    if (!set) this.subscriptions.set(userId, (set = new Set()))
    const subscriptions = set
    const subscription = new HubSubscription(this.sql, userId, deliver, () => {
      subscriptions.delete(subscription)
      if (subscriptions.size === 0) this.subscriptions.delete(userId)
    })
    subscriptions.add(subscription)
    return subscription
  }

  publish(change: RowChange) {
    for (const subscription of this.subscriptions.get(change.userId) ?? []) subscription.receive(change)
  }

  /** Whether anyone here listens to this user: the bridge reads a row back only then. */
  watches(userId: string) {
    return this.subscriptions.has(userId)
  }
}

export class HubSubscription {
  /** live changes held back while the missed ones are replayed; null once live */
  private held: RowChange[] | null = []
  /** notifications at or below it the client has (null: it named none, so nothing is skipped) */
  private since: number | null = null
  /** what the replay sent: the bridge may still hear of these rows after it (NOTIFY or poll lag) */
  private readonly replayed = new Set<number>()

  constructor(
    private readonly sql: Sql,
    private readonly userId: string,
    private readonly deliver: (change: RowChange) => void,
    readonly close: () => void,
  ) {}

  receive(change: RowChange) {
    if (this.held) this.held.push(change)
    else this.forward(change)
  }

  /**
   * Replays the user's notifications after `since` in id order, then what arrived meanwhile, then
   * goes live, never sending a row twice. `since` null: live only, as on Supabase.
   */
  async catchUp(since: number | null) {
    this.since = since
    let cursor = since
    while (cursor !== null) {
      const page = await readMissedNotifications(this.sql, this.userId, cursor, REPLAY_PAGE)
      for (const change of page) {
        this.replayed.add(change.id)
        this.deliver(change)
      }
      cursor = page.length === REPLAY_PAGE ? page.at(-1)!.id : null
    }
    const held = this.held ?? []
    this.held = null
    for (const change of held) this.forward(change)
  }

  private forward(change: RowChange) {
    if (change.table === 'notifications' && this.since !== null && (change.id <= this.since || this.replayed.has(change.id))) return
    this.deliver(change)
  }
}
