import type { Sql } from '#shared/db/create-sql.ts'
import { readMissedNotifications, readNewestDeliverySeq, type RowChange } from './row-change.ts'

const REPLAY_PAGE = 500

/** What a subscription hands its changes to, and tells when it cannot replay. */
export interface SubscriptionListener {
  deliver(change: RowChange): void
  /** a replay could not read the table: the subscription can no longer promise every row */
  replayFailed(err: unknown): void
}

/**
 * The subscriptions of this process, by user: the bridge publishes each committed change to the
 * subscriptions of its user only, so a subscription can never see another user's row. The
 * notifications table is the truth: a subscription replays from it what the client missed before
 * it joined, and again whenever the bridge may have missed a change (`resync`).
 */
export class RealtimeHub {
  private readonly subscriptions = new Map<string, Set<HubSubscription>>()

  constructor(private readonly sql: Sql) {}

  /** Collects the user's changes from now on; they reach the listener once `catchUp` has run. */
  subscribe(userId: string, listener: SubscriptionListener): HubSubscription {
    let set = this.subscriptions.get(userId)
    if (!set) this.subscriptions.set(userId, (set = new Set()))
    const subscriptions = set
    const subscription = new HubSubscription(this.sql, userId, listener, () => {
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

  /**
   * Changes of these users (of everyone when omitted) may have been committed without reaching
   * `publish`: LISTEN was re-established, or a read-back failed. Each of their subscriptions
   * replays from the last row it delivered.
   */
  resync(userIds?: Iterable<string>) {
    const users = userIds ? new Set(userIds) : this.subscriptions.keys()
    for (const userId of users) for (const subscription of this.subscriptions.get(userId) ?? []) subscription.resync()
  }
}

/**
 * One subscriber's stream of its user's changes, in delivery_seq (commit) order, each once. The
 * cursor is the newest seq delivered; while a replay reads the rows after it, live changes are
 * held, and after it they are released, skipping what the replay already sent. Because
 * delivery_seq follows commit order, a row the replay did not see committed after it, so its
 * live change comes later with a larger seq: nothing falls between replay and live.
 */
export class HubSubscription {
  /** live changes held back while a replay runs; null once live */
  private held: RowChange[] | null = []
  /** newest delivery_seq delivered (or skipped as before the join); null until catchUp decides it */
  private cursor: number | null = null
  private replaying = false
  private replayAgain = false

  constructor(
    private readonly sql: Sql,
    private readonly userId: string,
    private readonly listener: SubscriptionListener,
    readonly close: () => void,
  ) {}

  receive(change: RowChange) {
    if (this.held) this.held.push(change)
    else this.forward(change)
  }

  /**
   * Replays the user's notifications after `since` (the client's newest delivery_seq), then goes
   * live. `since` null: live only, as on Supabase, from the newest row at this moment.
   */
  catchUp(since: number | null): Promise<void> {
    this.cursor = since
    return this.replay()
  }

  /** Rows may have passed unheard: replay from the cursor while holding live changes back. */
  resync() {
    this.held ??= []
    void this.replay()
  }

  private async replay() {
    if (this.replaying) {
      // the running replay may have read before the rows that prompted this call
      this.replayAgain = true
      return
    }
    this.replaying = true
    try {
      do {
        this.replayAgain = false
        this.cursor ??= await readNewestDeliverySeq(this.sql, this.userId)
        for (;;) {
          const page = await readMissedNotifications(this.sql, this.userId, this.cursor, REPLAY_PAGE)
          for (const change of page.changes) this.forward(change)
          if (page.rows < REPLAY_PAGE) break
        }
      } while (this.replayAgain)
      const held = this.held ?? []
      this.held = null
      for (const change of held) this.forward(change)
    } catch (err) {
      this.listener.replayFailed(err)
    } finally {
      this.replaying = false
    }
  }

  /** Called only once catchUp has set the cursor (before that every change is held). */
  private forward(change: RowChange) {
    if (this.cursor === null || change.seq <= this.cursor) return
    // a dashboard_ready UPDATE shares its notification's seq and comes just before it
    if (change.table === 'notifications') this.cursor = change.seq
    this.listener.deliver(change)
  }
}
