import type { Sql } from '#shared/db/create-sql.ts'
import { RawRealtimeSocket } from '../../tests/support/raw-realtime-socket.ts'
import type { FuzzWorld } from './fuzz-case.ts'
import type { Random } from './random.ts'
import { type HostileSession, hostileSession, type Vsn } from './realtime-cases.ts'

export const REALTIME_ENDPOINT = 'WS /realtime/v1/websocket'

/** Sockets open at once: a wave shares one round of bait rows. */
const WAVE = 16
/** long enough for replies and for a push, on PostgreSQL and on the embedded database's 500 ms poll */
const SETTLE_MS = 700
/** before a frame that gets the socket closed: the frames before it are answered first */
const BEFORE_CLOSING_MS = 100

export interface RealtimeFuzzResult {
  sessions: number
  /** outcome label → count: join replies, closes, sockets that stayed open */
  outcomes: Record<string, number>
  /** victim notifications the fuzzer inserted as bait while hostile channels were open */
  baitRows: number
  violations: { session: number; rule: string; sample: string }[]
}

/**
 * Hostile realtime clients in waves: each wave opens its sockets, sends their frames, then the
 * fuzzer writes bait for the victim (a notification, and a dashboard_ready flip with its notification, flipped back)
 * while the channels are open. Nothing of the victim's may reach any socket, no refused join may
 * be answered ok, and the server must answer every upgrade with a valid apikey.
 */
export async function runRealtimeFuzz(options: { sessions: number; r: Random; world: FuzzWorld; server1Url: string; sql: Sql }): Promise<RealtimeFuzzResult> {
  const { r, world, sql } = options
  const result: RealtimeFuzzResult = { sessions: 0, outcomes: {}, baitRows: 0, violations: [] }
  const count = (label: string) => (result.outcomes[label] = (result.outcomes[label] ?? 0) + 1)
  while (result.sessions < options.sessions) {
    const wave = Array.from({ length: Math.min(WAVE, options.sessions - result.sessions) }, () => ({ index: result.sessions++, session: hostileSession(r, world) }))
    const sockets = await Promise.all(
      wave.map(async ({ index, session }) => {
        try {
          const socket = await RawRealtimeSocket.open(options.server1Url, { apikey: session.apikey, vsn: session.vsn })
          for (const frame of session.frames) {
            if (frame.closes) await Bun.sleep(BEFORE_CLOSING_MS)
            socket.send(frame.data)
          }
          return socket
        } catch (error) {
          result.violations.push({ session: index, rule: `upgrade refused: ${String(error)}`, sample: `vsn ${session.vsn} apikey ${session.apikey.slice(0, 40)}` })
          return null
        }
      }),
    )
    await Bun.sleep(SETTLE_MS)
    await sql`INSERT INTO notifications (user_id, kind, title, body) VALUES (${world.victimId}, 'match', 'bait', 'for the victim only')`
    // the flip as the onboarding join makes it: its dashboard_ready notification carries the users UPDATE
    await sql.begin(async (tx) => {
      await tx`UPDATE users SET dashboard_ready = TRUE WHERE id = ${world.victimId}`
      await tx`INSERT INTO notifications (user_id, kind, title, body) VALUES (${world.victimId}, 'dashboard_ready', 'bait', 'for the victim only')`
    })
    await sql`UPDATE users SET dashboard_ready = FALSE WHERE id = ${world.victimId}`
    result.baitRows += 2
    await Bun.sleep(SETTLE_MS)
    for (const [i, socket] of sockets.entries()) {
      if (!socket) continue
      const { index, session } = wave[i]!
      socket.close()
      for (const broken of check(session, socket, world)) result.violations.push({ session: index, rule: broken, sample: describe(session) })
      for (const frame of session.frames) if (frame.join) count(`${frame.kind}: ${replyStatus(session.vsn, socket, frame.join) ?? 'no reply (socket closed)'}`)
      count(socket.closed && socket.closed.code !== 1000 && socket.closed.code !== 1005 ? `closed ${socket.closed.code}` : 'stayed open')
    }
  }
  return result
}

function check(session: HostileSession, socket: RawRealtimeSocket, world: FuzzWorld): string[] {
  const broken: string[] = []
  for (const frame of socket.frames) {
    const { event, payload } = fields(session.vsn, frame)
    if (event === 'postgres_changes' && JSON.stringify(payload).includes(world.victimId)) broken.push(`a row of the victim reached the socket: ${JSON.stringify(payload).slice(0, 300)}`)
  }
  for (const frame of session.frames) {
    if (frame.join && !frame.join.mayJoin && replyStatus(session.vsn, socket, frame.join) === 'ok') broken.push(`${frame.kind} was answered ok`)
  }
  return broken
}

function replyStatus(vsn: Vsn, socket: RawRealtimeSocket, join: { topic: string; ref: string }): string | undefined {
  for (const frame of socket.frames) {
    const { topic, event, ref, payload } = fields(vsn, frame)
    if (event === 'phx_reply' && topic === join.topic && ref === join.ref) return String((payload as { status?: unknown })?.status)
  }
  return undefined
}

function fields(vsn: Vsn, frame: unknown): { topic?: unknown; event?: unknown; ref?: unknown; payload?: unknown } {
  if (vsn === '1.0.0') return (frame ?? {}) as Record<string, unknown>
  const [, ref, topic, event, payload] = Array.isArray(frame) ? frame : []
  return { topic, event, ref, payload }
}

function describe(session: HostileSession): string {
  return `vsn ${session.vsn}: ${session.frames.map((f) => f.kind).join(' → ')}`
}
