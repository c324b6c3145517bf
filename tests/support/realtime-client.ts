import { RealtimeClient, type RealtimeChannel, type RealtimeClientOptions, type RealtimeSystemPayload, type WebSocketLikeConstructor } from '@supabase/realtime-js'
import { freePort } from './free-port.ts'
import { waitFor } from './wait-for.ts'

export interface NotificationRecord {
  id: number
  delivery_seq: number
  user_id: string
  kind: string
  title: string
  [column: string]: unknown
}

/** A dashboard's realtime subscription, recording what its callbacks were given. */
export interface DashboardFeed {
  client: RealtimeClient
  channel: RealtimeChannel
  /** `payload.new` of every notifications INSERT, in arrival order */
  notifications: NotificationRecord[]
  /** `payload` of every users UPDATE */
  userUpdates: { new: Record<string, unknown>; old: Record<string, unknown> }[]
  /** every status the subscribe callback reported */
  statuses: string[]
  system: RealtimeSystemPayload[]
  close(): Promise<void>
}

export const realtimeUrl = (server1Url: string) => `${server1Url.replace(/^http/, 'ws')}/realtime/v1`

/**
 * Subscribes the way the dashboard does (docs/frontend.md), with the real realtime-js client:
 * one channel for the user's notification inserts and their users-row updates, keeping
 * `notifications_after_seq` at the newest delivery_seq seen so a re-join replays what it missed.
 * Resolves once SUBSCRIBED arrives. A null token joins with the apikey alone, as a signed-out page would.
 */
export async function subscribeDashboard(
  server1Url: string,
  userId: string,
  token: string | null,
  options: DashboardOptions & { client?: Partial<RealtimeClientOptions> } = {},
): Promise<DashboardFeed> {
  const client = new RealtimeClient(realtimeUrl(server1Url), { ...options.client, params: { apikey: 'dev-anon-key', ...options.client?.params } })
  if (token !== null) await client.setAuth(token)
  return joinDashboard(client, userId, options)
}

interface DashboardOptions {
  /** the channel's name (default `dashboard:<user id>`) */
  name?: string
  afterSeq?: number
  onNotification?: (row: NotificationRecord) => void
}

/** The dashboard's channel on a client that already exists (another channel on the same socket). */
export async function joinDashboard(client: RealtimeClient, userId: string, options: DashboardOptions = {}): Promise<DashboardFeed> {
  const channel = client.channel(options.name ?? `dashboard:${userId}`)
  const feed: DashboardFeed = {
    client,
    channel,
    notifications: [],
    userUpdates: [],
    statuses: [],
    system: [],
    async close() {
      await client.removeAllChannels()
    },
  }
  let newest = options.afterSeq
  if (newest !== undefined) channel.updateJoinPayload({ notifications_after_seq: newest })
  channel
    .on<NotificationRecord>('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notifications', filter: `user_id=eq.${userId}` }, (payload) => {
      feed.notifications.push(payload.new)
      options.onNotification?.(payload.new)
      newest = Math.max(newest ?? 0, payload.new.delivery_seq)
      channel.updateJoinPayload({ notifications_after_seq: newest })
    })
    .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'users', filter: `id=eq.${userId}` }, (payload) => {
      feed.userUpdates.push({ new: payload.new, old: payload.old })
    })
    .on('system', {}, (payload: RealtimeSystemPayload) => feed.system.push(payload))
    .subscribe((status) => feed.statuses.push(status))
  await waitFor('SUBSCRIBED', () => feed.statuses.includes('SUBSCRIBED') || feed.statuses.includes('CHANNEL_ERROR'))
  if (!feed.statuses.includes('SUBSCRIBED')) {
    await feed.close()
    throw new Error(`subscribe failed: ${feed.statuses.join(', ')}`)
  }
  return feed
}

export function waitForNotification(feed: DashboardFeed, kind: string, timeoutMs = 10_000) {
  return waitFor(`a ${kind} push`, () => feed.notifications.find((n) => n.kind === kind), timeoutMs)
}

/**
 * A realtime-js transport whose network path the test decides: each socket goes to the instance at
 * `path.to`, or nowhere while it is null (realtime-js keeps retrying); `dropConnection()` closes
 * the newest socket, as a network failure would.
 */
export function switchableTransport(to: string) {
  const deadEnd = `http://127.0.0.1:${freePort()}`
  const path = { to: to as string | null }
  const sockets: WebSocket[] = []
  const transport = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const target = new URL(url)
      target.host = new URL(path.to ?? deadEnd).host
      super(target, protocols)
      sockets.push(this)
    }
  } as unknown as WebSocketLikeConstructor
  return { transport, path, dropConnection: () => sockets.at(-1)?.close() }
}
