import { authenticateToken } from '#shared/auth/require-user.ts'
import type { TokenVerifier } from '#shared/auth/user-auth.ts'
import type { Logger } from '#shared/logger.ts'
import type { ChannelBinding } from './channel-bindings.ts'
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

export interface ChannelGrant {
  topic: string
  joinRef: PhoenixMessage['join_ref']
  userId: string
  token: string
  expiresAt: number | undefined
  bindings: ChannelBinding[]
  columns: TableColumns
}

/**
 * A joined `realtime:<name>` topic: the user its token names, the bindings authorized for that
 * user, and the token watch that ends the channel when the token expires (system error, then
 * phx_close, as Supabase does; realtime-js does not re-join a closed channel).
 */
export class RealtimeChannel {
  readonly topic: string
  private readonly subscription: HubSubscription | null
  private token: string
  private tokenTimer: Timer | undefined
  private closed = false

  constructor(
    private readonly ctx: ChannelContext,
    private readonly grant: ChannelGrant,
  ) {
    this.topic = grant.topic
    this.token = grant.token
    this.subscription = grant.bindings.length > 0 ? ctx.hub.subscribe(grant.userId, (change) => this.deliver(change)) : null
    this.watchToken(grant.expiresAt)
  }

  /** The join reply: the bindings in the order sent, each with its id. */
  get joinResponse() {
    return { postgres_changes: this.grant.bindings.map((b) => ({ ...b.params, id: b.id })) }
  }

  get subTopic() {
    return this.topic.slice('realtime:'.length)
  }

  /**
   * Replays what the client missed, then goes live. If the replay fails the channel errors
   * (phx_error), which realtime-js answers by joining again.
   */
  async catchUp(since: number | null) {
    try {
      await this.subscription?.catchUp(since)
    } catch (err) {
      this.ctx.log.warn({ err, user_id: this.grant.userId, topic: this.topic }, 'realtime replay failed')
      this.close('phx_error')
    }
  }

  /** `access_token` push: a valid token of the same user replaces the old one; anything else ends the channel. */
  async refreshToken(token: unknown) {
    if (typeof token !== 'string' || token === this.token) return
    try {
      const { userId, expiresAt } = await authenticateToken(this.ctx.verifyToken, token)
      if (userId !== this.grant.userId) return this.shutdown('the new access token is for another user')
      this.token = token
      this.watchToken(expiresAt)
    } catch (error) {
      this.shutdown((error as Error).message)
    }
  }

  /** Ends the channel; `event` tells the client how (none when its socket is already gone). */
  close(event: 'phx_close' | 'phx_error' | null) {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.tokenTimer)
    this.subscription?.close()
    if (event) this.ctx.push({ join_ref: this.grant.joinRef, ref: this.grant.joinRef, topic: this.topic, event, payload: {} })
    this.ctx.onClosed(this)
  }

  pushSystem(extension: 'system' | 'postgres_changes', status: 'ok' | 'error', message: string) {
    this.ctx.push({
      join_ref: this.grant.joinRef,
      ref: null,
      topic: this.topic,
      event: 'system',
      payload: { extension, status, message, channel: this.subTopic },
    })
  }

  private shutdown(message: string) {
    if (this.closed) return
    this.ctx.log.info({ user_id: this.grant.userId, topic: this.topic, reason: message }, 'realtime channel shut down')
    this.pushSystem('system', 'error', message)
    this.close('phx_close')
  }

  /** One message per distinct `select` among the bindings the change matches, as Supabase fans out. */
  private deliver(change: RowChange) {
    if (this.closed) return
    const groups = new Map<string, { select: string[] | null; ids: number[] }>()
    for (const binding of this.grant.bindings) {
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
        payload: { ids, data: postgresChangesData(change, this.grant.columns[change.table], select) },
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
    try {
      this.watchToken((await authenticateToken(this.ctx.verifyToken, this.token)).expiresAt)
    } catch (error) {
      this.shutdown((error as Error).message)
    }
  }
}
