import type { FuzzWorld } from './fuzz-case.ts'
import { HOSTILE_STRINGS, hostileValue, malformedJsonText } from './hostile-values.ts'
import type { Random } from './random.ts'

export type Vsn = '1.0.0' | '2.0.0'

/** One frame a hostile realtime client sends: JSON text (objects, arrays), raw text (strings) or binary (bytes). */
export interface HostileFrame {
  kind: string
  data: unknown
  /** the server closes the socket on it (1007, 1009): sent last, once the frames before it are answered */
  closes?: true
  /** a phx_join: only the attacker's own, correctly made join may be answered ok */
  join?: { topic: string; ref: string; mayJoin: boolean }
}

export interface HostileSession {
  vsn: Vsn
  apikey: string
  frames: HostileFrame[]
}

/** Tables a Supabase client could name that this socket must never serve. */
const OTHER_TABLES = ['user_connections', 'job_applications', 'fit_scores', 'payment_events', 'agent_runs', 'resumes', 'wa_messages', 'jobs', 'cron_triggers']
const OVERSIZED_BYTES = 70 * 1024

const bearer = (header: string | undefined) => header?.replace(/^Bearer\s*/i, '') ?? null

function envelope(vsn: Vsn, joinRef: string | null, ref: string | null, topic: string, event: string, payload: unknown): unknown {
  return vsn === '1.0.0' ? { topic, event, payload, ref, join_ref: joinRef } : [joinRef, ref, topic, event, payload]
}

interface FrameContext {
  r: Random
  w: FuzzWorld
  vsn: Vsn
  /** refs and topics unique within the session */
  n: number
}

const ownBindings = (userId: string) => [
  { event: 'INSERT', schema: 'public', table: 'notifications', filter: `user_id=eq.${userId}` },
  { event: 'UPDATE', schema: 'public', table: 'users', filter: `id=eq.${userId}` },
]

/** A join with no token joins signed out (as on Supabase) and carries nothing: it may be answered ok. */
const signedOut = (payload: unknown) =>
  typeof payload === 'object' && payload !== null && (payload as Record<string, unknown>).access_token == null && (payload as Record<string, unknown>).user_token == null

function join({ vsn, n }: FrameContext, kind: string, payload: unknown, ownJoin: boolean, topic = `realtime:fuzz-${n}`): HostileFrame {
  const ref = String(n)
  return { kind, data: envelope(vsn, ref, ref, topic, 'phx_join', payload), join: { topic, ref, mayJoin: ownJoin || signedOut(payload) } }
}

/** The attacker's own dashboard join: the one join that must work (it carries only the attacker's rows). */
const ownJoin = (c: FrameContext) => join(c, 'join own rows', { config: { postgres_changes: ownBindings(c.w.attackerId) }, access_token: bearer(c.w.attacker), notifications_after_seq: 0 }, true)

const MAKERS: ((c: FrameContext) => HostileFrame)[] = [
  ownJoin,
  (c) =>
    join(c, "join another user's filter", {
      config: { postgres_changes: [c.r.pick(ownBindings(c.w.victimId)), ...(c.r.chance(0.5) ? ownBindings(c.w.attackerId) : [])] },
      // signed out it is answered ok and carries nothing; the attacker's token pushed later ends it
      access_token: c.r.chance(0.7) ? bearer(c.w.attacker) : undefined,
      notifications_after_seq: c.r.chance(0.5) ? 0 : null,
    }, false),
  (c) => {
    const forged = bearer(c.r.pick(c.w.forged)) ?? ''
    const config = { postgres_changes: c.r.chance(0.5) ? ownBindings(c.w.victimId) : [{ event: '*', schema: 'public', table: 'notifications' }] }
    return join(c, 'join with a forged token', c.r.chance(0.5) ? { config, access_token: forged } : { config, user_token: forged, notifications_after_seq: 0 }, false)
  },
  (c) =>
    join(c, 'join another table', {
      config: { postgres_changes: [{ event: c.r.pick(['*', 'INSERT', 'UPDATE', 'DELETE']), schema: c.r.pick(['public', 'auth', 'storage', '*']), table: c.r.pick(OTHER_TABLES), filter: c.r.chance(0.5) ? `user_id=eq.${c.w.victimId}` : undefined }] },
      access_token: bearer(c.w.attacker),
    }, false),
  (c) =>
    join(c, 'join with hostile fields', {
      config: { postgres_changes: [{ event: c.r.chance(0.5) ? c.r.pick(HOSTILE_STRINGS) : '*', schema: 'public', table: c.r.pick(HOSTILE_STRINGS), filter: c.r.pick(HOSTILE_STRINGS), select: c.r.chance(0.3) ? [c.r.pick(HOSTILE_STRINGS)] : undefined }] },
      access_token: bearer(c.w.attacker),
    }, false, `realtime:${c.r.pick(HOSTILE_STRINGS)}`),
  (c) => {
    const payload = c.r.chance(0.5) ? hostileValue(c.r) : { config: hostileValue(c.r), access_token: hostileValue(c.r) }
    const frame = join(c, 'join with a hostile payload', payload, false)
    // a payload that is not an object is not a Phoenix message
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? frame : { ...frame, closes: true }
  },
  (c) =>
    join(c, 'join with a bad notifications_after_seq', {
      config: { postgres_changes: ownBindings(c.w.attackerId) },
      access_token: bearer(c.w.attacker),
      notifications_after_seq: c.r.pick<unknown>([-1, 1.5, '0', 2 ** 60, 'abc', {}, [], "1' OR 1=1"]),
    }, false),
  (c) =>
    join(c, "join the victim's notifications without a filter, forged", {
      config: { postgres_changes: [{ event: '*', schema: 'public', table: 'notifications' }] },
      access_token: bearer(c.r.pick(c.w.forged.filter((f) => f?.includes('.')))),
    }, false),
  (c) => ({
    kind: 'access_token: forged, or the attacker on a signed-out channel',
    data: envelope(c.vsn, '1', String(c.n), `realtime:fuzz-1`, 'access_token', { access_token: c.r.chance(0.5) ? bearer(c.r.pick(c.w.forged)) : bearer(c.w.attacker) }),
  }),
  (c) => ({ kind: 'leave, heartbeat or unknown event', data: envelope(c.vsn, '1', String(c.n), c.r.pick(['phoenix', 'realtime:fuzz-1', `realtime:${c.r.pick(HOSTILE_STRINGS)}`]), c.r.pick(['phx_leave', 'heartbeat', 'phx_reply', 'phx_close', 'postgres_changes', 'system', c.r.pick(HOSTILE_STRINGS) || 'x']), {}) }),
  (c) => ({ kind: 'broadcast or presence', data: envelope(c.vsn, '1', String(c.n), 'realtime:fuzz-1', c.r.pick(['broadcast', 'presence']), { type: 'broadcast', event: 'x', payload: hostileValue(c.r) }) }),
  (c) => (c.vsn === '2.0.0' ? { kind: 'binary broadcast', data: binaryBroadcast() } : { kind: 'binary broadcast on 1.0.0', data: binaryBroadcast(), closes: true }),
]

/** Frames after which the server closes the socket (1007, 1009): a session ends with one of these or none. */
const CLOSING_MAKERS: ((c: FrameContext) => HostileFrame)[] = [
  (c) => ({ kind: 'binary garbage', data: new Uint8Array(Array.from({ length: 1 + c.r.int(64) }, () => c.r.int(256))), closes: true }),
  (c) => ({ kind: 'text that is not a Phoenix message', data: c.r.chance(0.5) ? malformedJsonText(c.r) : JSON.stringify(hostileValue(c.r)), closes: true }),
  (c) => ({ kind: 'the other vsn', data: envelope(c.vsn === '1.0.0' ? '2.0.0' : '1.0.0', null, '1', 'phoenix', 'heartbeat', {}), closes: true }),
  (c) => ({ kind: 'oversized message', data: JSON.stringify(envelope(c.vsn, '1', '1', 'realtime:big', 'phx_join', { pad: 'x'.repeat(OVERSIZED_BYTES) })), closes: true }),
]

/** A broadcast push as realtime-js encodes it under vsn 2.0.0 (kind 3); a 1.0.0 socket closes on it. */
function binaryBroadcast(): Uint8Array {
  const parts = ['1', '2', 'realtime:fuzz-1', 'cursor', ''].map((s) => new TextEncoder().encode(s))
  return new Uint8Array([3, ...parts.map((p) => p.length), 1, ...parts.flatMap((p) => [...p]), ...new TextEncoder().encode('{"x":1}')])
}

/**
 * A hostile client: a socket of either serializer (the apikey sometimes a forged token: it names
 * no one), usually starting with the attacker's own join so later frames reach a joined channel.
 * One in four ends with a frame that gets the socket closed.
 */
export function hostileSession(r: Random, w: FuzzWorld): HostileSession {
  const vsn: Vsn = r.chance(0.5) ? '2.0.0' : '1.0.0'
  const frames: HostileFrame[] = []
  const count = 1 + r.int(4)
  for (let n = 1; n <= count; n++) {
    const context = { r, w, vsn, n }
    frames.push(n === 1 && r.chance(0.6) ? ownJoin(context) : r.pick(MAKERS)(context))
  }
  if (r.chance(0.25)) frames.push(r.pick(CLOSING_MAKERS)({ r, w, vsn, n: count + 1 }))
  // the server closes at once on such a frame; what came before it is answered first
  frames.sort((a, b) => Number(a.closes ?? false) - Number(b.closes ?? false))
  return { vsn, apikey: r.chance(0.3) ? (bearer(r.pick(w.forged.filter((f) => f !== undefined))) || 'anon') : 'anon', frames }
}
