import { authenticateToken } from '#shared/auth/require-user.ts'
import type { TokenVerifier } from '#shared/auth/user-auth.ts'
import type { Logger } from '#shared/logger.ts'
import { type ChannelBinding, foreignBinding } from './channel-bindings.ts'
import type { PhoenixMessage } from './phoenix-serializer.ts'
import { postgresChangesData } from './postgres-changes-data.ts'
import type { HubSubscription, RealtimeHub } from './realtime-hub.ts'
import type { RowChange } from './row-change.ts'
import type { TableColumns } from './table-columns.ts'

/** Supabase confirms a channel's token at least this often, and at its expiry. */
const TOKEN_CHECK_MS = 5 * 60_000
/** a timer that fires a hair early must not spin */
const MIN_TOKEN_CHECK_MS = 10

export interface ChannelContext {
  verifyToken: TokenVerifier
  hub: RealtimeHub
  log: Logger
  push(message: PhoenixMessage): void
  /** the session forgets the channel */
  onClosed(channel: RealtimeChannel): void
}

export interface ChannelSpec {
  topic: string
  joinRef: PhoenixMessage['join_ref']
  bindings: ChannelBinding[]
  columns: TableColumns
  /** notifications_after_seq of the join: the replay starts after it */
  since: number | null
}

/** The user a channel serves, from a verified access token. */
export interface ChannelUser {
  userId: string
  token: string
  /** unix seconds; undefined: the token has no exp */
  expiresAt: number | undefined
}

/**
 * A joined `realtime:<name>` topic. Signed in, it carries its user's rows for its bindings and
 * watches the token: expiry ends the channel (system error, then phx_close, as Supabase does;
 * realtime-js does not re-join a closed channel). Joined without a token (a page whose session is
 * not loaded yet: supabase-js joins first and sends the token after), it carries nothing until an
 * `access_token` push signs it in, as an anon-role channel on Supabase sees no row under RLS.
 */
export class RealtimeChannel {
  readonly topic: string
  private user: ChannelUser | null = null
  private subscription: HubSubscription | null = null
  private tokenTimer: Timer | undefined
  private closed = false

  constructor(
    private readonly ctx: ChannelContext,
    private readonly spec: ChannelSpec,
  ) {
    this.topic = spec.topic
  }

  /** The join reply: the bindings in the order sent, each with its id. */
  get joinResponse() {
    return { postgres_changes: this.spec.bindings.map((b) => ({ ...b.params, id: b.id })) }
  }

  get subTopic() {
    return this.topic.slice('realtime:'.length)
  }

  /** Starts collecting the user's rows (before the join is answered, so none falls in between) and watching the token. */
  signIn(user: ChannelUser) {
    this.user = user
    if (this.spec.bindings.length > 0) {
      this.subscription = this.ctx.hub.subscribe(user.userId, { deliver: (change) => this.deliver(change), replayFailed: (err) => this.replayFailed(err) })
    }
    this.watchToken(user.expiresAt)
  }

  /** Replays what the client missed, then goes live. */
  async catchUp() {
    await this.subscription?.catchUp(this.spec.since)
  }

  /**
   * `access_token` push. Signed in: a valid token of the same user replaces the old one. Not yet:
   * a valid token signs the channel in if its bindings name no one else. Anything else ends it.
   */
  async refreshToken(token: unknown) {
    if (typeof token !== 'string' || token === this.user?.token) return
    let verified: Awaited<ReturnType<typeof authenticateToken>>
    try {
      verified = await authenticateToken(this.ctx.verifyToken, token)
    } catch (error) {
      return this.shutdown((error as Error).message)
    }
    if (this.closed) return
    if (this.user) {
      if (verified.userId !== this.user.userId) return this.shutdown('the new access token is for another user')
      this.user = { ...this.user, token, expiresAt: verified.expiresAt }
      return this.watchToken(verified.expiresAt)
    }
    const foreign = foreignBinding(this.spec.bindings, verified.userId)
    if (foreign) return this.shutdown(foreign)
    this.signIn({ userId: verified.userId, token, expiresAt: verified.expiresAt })
    void this.catchUp()
  }

  /** Ends the channel; `event` tells the client how (none when its socket is already gone). */
  close(event: 'phx_close' | 'phx_error' | null) {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.tokenTimer)
    this.subscription?.close()
    if (event) this.ctx.push({ join_ref: this.spec.joinRef, ref: this.spec.joinRef, topic: this.topic, event, payload: {} })
    this.ctx.onClosed(this)
  }

  pushSystem(extension: 'system' | 'postgres_changes', status: 'ok' | 'error', message: string) {
    this.ctx.push({
      join_ref: this.spec.joinRef,
      ref: null,
      topic: this.topic,
      event: 'system',
      payload: { extension, status, message, channel: this.subTopic },
    })
  }

  /**
   * A replay (at the join, or after the bridge may have missed rows) could not read the table:
   * the channel errors (phx_error), and realtime-js joins again with its cursor.
   */
  private replayFailed(err: unknown) {
    this.ctx.log.warn({ err, user_id: this.user?.userId, topic: this.topic }, 'realtime replay failed')
    this.close('phx_error')
  }

  private shutdown(message: string) {
    if (this.closed) return
    this.ctx.log.info({ user_id: this.user?.userId, topic: this.topic, reason: message }, 'realtime channel shut down')
    this.pushSystem('system', 'error', message)
    this.close('phx_close')
  }

  /** One message per distinct `select` among the bindings the change matches, as Supabase fans out. */
  private deliver(change: RowChange) {
    if (this.closed) return
    const groups = new Map<string, { select: string[] | null; ids: number[] }>()
    for (const binding of this.spec.bindings) {
      if (binding.table !== change.table || !binding.events.has(change.type)) continue
      const key = JSON.stringify(binding.select)
      const group = groups.get(key)
      if (group) group.ids.push(binding.id)
      else groups.set(key, { select: binding.select, ids: [binding.id] })
    }
    for (const { select, ids } of groups.values()) {
      this.ctx.push({
        join_ref: null,
        ref: null,
        topic: this.topic,
        event: 'postgres_changes',
        payload: { ids, data: postgresChangesData(change, this.spec.columns[change.table], select) },
      })
    }
  }

  private watchToken(expiresAt: number | undefined) {
    if (this.closed) return
    clearTimeout(this.tokenTimer)
    const untilExpiry = expiresAt === undefined ? TOKEN_CHECK_MS : expiresAt * 1000 - Date.now()
    this.tokenTimer = setTimeout(() => void this.checkToken(), Math.max(MIN_TOKEN_CHECK_MS, Math.min(TOKEN_CHECK_MS, untilExpiry)))
  }

  private async checkToken() {
    const token = this.user?.token
    if (token === undefined) return
    try {
      const { expiresAt } = await authenticateToken(this.ctx.verifyToken, token)
      if (token === this.user?.token) this.watchToken(expiresAt)
    } catch (error) {
      // a token refreshed meanwhile has its own watch
      if (token === this.user?.token) this.shutdown((error as Error).message)
    }
  }
}
