import { authenticateToken } from '#shared/auth/require-user.ts'
import type { TokenVerifier } from '#shared/auth/user-auth.ts'
import type { Sql } from '#shared/db/create-sql.ts'
import type { Logger } from '#shared/logger.ts'
import { foreignBinding, parseBindings } from './channel-bindings.ts'
import { parseJoinRequest } from './join-request.ts'
import { decodeFrame, encodeFrame, type PhoenixMessage, type Vsn } from './phoenix-serializer.ts'
import type { RealtimeHub } from './realtime-hub.ts'
import { type ChannelUser, RealtimeChannel } from './realtime-channel.ts'
import { tableColumns } from './table-columns.ts'

/** Supabase's default max_channels_per_client. */
const MAX_CHANNELS = 100
/** WebSocket close code for a frame whose data is not what the protocol allows (RFC 6455 §7.4.1). */
const INVALID_FRAME = 1007

export interface SessionDeps {
  verifyToken: TokenVerifier
  hub: RealtimeHub
  sql: Sql
  log: Logger
}

/** The WebSocket a session writes to. */
export interface SocketPort {
  send(frame: string): void
  close(code: number, reason: string): void
}

/**
 * One realtime-js socket speaking the Phoenix channel protocol: heartbeats on `phoenix`, and any
 * number of `realtime:<name>` channels, each joined with its own access token. Messages are
 * handled one at a time, in the order they came, as a Phoenix socket process does.
 */
export class RealtimeSession {
  private readonly channels = new Map<string, RealtimeChannel>()
  private work = Promise.resolve()
  private closed = false

  constructor(
    private readonly deps: SessionDeps,
    private readonly vsn: Vsn,
    private readonly apikey: string,
    private readonly socket: SocketPort,
  ) {}

  /** A frame off the wire; one that is not a Phoenix message closes the socket, as Phoenix's decoder does. */
  receive(frame: unknown) {
    if (this.closed) return
    const message = decodeFrame(this.vsn, frame)
    if (!message) return this.socket.close(INVALID_FRAME, `not a Phoenix ${this.vsn} message`)
    this.work = this.work.then(() => this.handle(message)).catch((err) => this.deps.log.error({ err }, 'realtime message failed'))
  }

  /** The socket is gone: every channel stops, silently. */
  close() {
    this.closed = true
    for (const channel of this.channels.values()) channel.close(null)
  }

  private readonly push = (message: PhoenixMessage) => {
    if (!this.closed) this.socket.send(encodeFrame(this.vsn, message))
  }

  private reply(to: PhoenixMessage, status: 'ok' | 'error', response: Record<string, unknown>) {
    this.push({ join_ref: to.join_ref, ref: to.ref, topic: to.topic, event: 'phx_reply', payload: { status, response } })
  }

  private async handle(message: PhoenixMessage) {
    if (this.closed) return
    const { topic, event } = message
    if (topic === 'phoenix' && event === 'heartbeat') return this.reply(message, 'ok', {})
    if (event === 'phx_join') return this.join(message)
    const channel = this.channels.get(topic)
    if (event === 'phx_leave') {
      this.reply(message, 'ok', {})
      return channel?.close('phx_close')
    }
    if (!channel) return this.reply(message, 'error', { reason: 'unmatched topic' })
    if (event === 'access_token') return channel.refreshToken(message.payload.access_token)
    if (event === 'broadcast' || event === 'presence') {
      return this.reply(message, 'error', { reason: `${event} is not supported by this server: it serves postgres_changes only` })
    }
    // any other event: ignored, as Supabase's channel does
  }

  private async join(message: PhoenixMessage) {
    const { topic } = message
    const refuse = (reason: string) => {
      this.deps.log.debug({ topic, reason }, 'realtime join refused')
      this.reply(message, 'error', { reason })
    }
    if (!topic.startsWith('realtime:')) return refuse('unmatched topic')
    if (topic === 'realtime:') return refuse('TopicNameRequired: You must provide a topic name')
    // joining a joined topic again replaces the channel, as Phoenix does
    this.channels.get(topic)?.close('phx_close')
    if (this.channels.size >= MAX_CHANNELS) return refuse('ChannelRateLimitReached: Too many channels')
    const request = parseJoinRequest(message.payload)
    if ('reason' in request) return refuse(request.reason)
    const user = await this.userOf(request.token)
    if ('reason' in user) return refuse(user.reason)
    let columns: Awaited<ReturnType<typeof tableColumns>>
    try {
      columns = await tableColumns(this.deps.sql)
    } catch {
      return refuse('UnableToConnectToProject: Realtime was unable to connect to the project database')
    }
    const parsed = parseBindings(request.bindings, columns)
    if ('reason' in parsed) return refuse(parsed.reason)
    const foreign = user.signedIn ? foreignBinding(parsed.bindings, user.signedIn.userId) : null
    if (foreign) return refuse(foreign)
    if (this.closed) return
    const channel = new RealtimeChannel(
      { verifyToken: this.deps.verifyToken, hub: this.deps.hub, log: this.deps.log, push: this.push, onClosed: (c) => this.forget(c) },
      { topic, joinRef: message.join_ref, bindings: parsed.bindings, columns, since: request.since },
    )
    this.channels.set(topic, channel)
    if (user.signedIn) channel.signIn(user.signedIn)
    this.deps.log.debug({ user_id: user.signedIn?.userId, topic, bindings: parsed.bindings.length }, 'realtime channel joined')
    this.reply(message, 'ok', channel.joinResponse)
    if (parsed.bindings.length > 0) channel.pushSystem('postgres_changes', 'ok', 'Subscribed to PostgreSQL')
    // not awaited: heartbeats and leaves must not wait for a replay
    void channel.catchUp()
  }

  /**
   * The join's access token must verify. Without one the apikey stands in (as on Supabase); an
   * apikey that is no user's token (the project's anon key) joins signed out.
   */
  private async userOf(token: string | null): Promise<{ signedIn: ChannelUser | null } | { reason: string }> {
    try {
      const verified = await authenticateToken(this.deps.verifyToken, token ?? this.apikey)
      return { signedIn: { userId: verified.userId, token: token ?? this.apikey, expiresAt: verified.expiresAt } }
    } catch (error) {
      return token === null ? { signedIn: null } : { reason: `InvalidJWTToken: ${(error as Error).message}` }
    }
  }

  private forget(channel: RealtimeChannel) {
    if (this.channels.get(channel.topic) === channel) this.channels.delete(channel.topic)
  }
}
