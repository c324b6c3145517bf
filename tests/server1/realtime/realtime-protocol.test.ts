/**
 * Server 1's /realtime/v1/websocket on the wire, frame by frame: the Phoenix protocol as Supabase
 * Realtime speaks it (serializers, replies, system messages, the postgres_changes payload) and
 * every way a join or a frame is refused. Each refusal is followed by rows of the user asked
 * for, which must never arrive: a row the same socket may receive, on a second channel, is
 * waited for after them (frames of one socket go out in order, and rows are published in commit
 * order), so anything they would have sent has arrived by then.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import postgres from 'postgres'
import { joinHandlers } from '#shared/agents/join-handlers.ts'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { RawRealtimeSocket, v2 } from '../../support/raw-realtime-socket.ts'
import { TEST_SECRETS } from '../../support/test-config.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { deliverySeqOf, insertNotification } from '../../support/test-notification.ts'
import { startTestCluster, type TestCluster } from '../../support/test-servers.ts'
import { newUserWithToken } from '../../support/test-user.ts'
import { waitFor } from '../../support/wait-for.ts'

let db: TestDatabase
let sql: postgres.Sql
let cluster: TestCluster

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4, onnotice: () => {} })
  cluster = await startTestCluster(db.url, ['server1'])
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await db.drop()
})

const newUser = () => newUserWithToken(sql)

const notify = (userId: string) => insertNotification(sql, userId)

const open = (vsn?: string, extra: Record<string, string> = {}) =>
  RawRealtimeSocket.open(cluster.urls.server1, { apikey: 'dev-anon-key', ...(vsn ? { vsn } : {}), ...extra })

const notificationsBinding = (userId: string) => ({ event: 'INSERT', schema: 'public', table: 'notifications', filter: `user_id=eq.${userId}` })
const usersBinding = (userId: string) => ({ event: 'UPDATE', schema: 'public', table: 'users', filter: `id=eq.${userId}` })

function join(socket: RawRealtimeSocket, topic: string, payload: Record<string, unknown>, joinRef = '1') {
  const from = socket.frames.length
  socket.send([joinRef, joinRef, topic, 'phx_join', payload])
  return socket.next((f) => v2(f).event === 'phx_reply' && v2(f).ref === joinRef && v2(f).topic === topic, 5_000, from).then(v2)
}

const changesOn = (socket: RawRealtimeSocket) => socket.frames.map(v2).filter((f) => f.event === 'postgres_changes')
const recordOf = (change: ReturnType<typeof v2>) => (change.payload.data as { record: { id: number; user_id: string } }).record

const BARRIER = 'realtime:barrier'

/** A second channel on the socket for the user's own notifications, joined before the rows under test. */
async function joinBarrier(socket: RawRealtimeSocket, user: { id: string; token: string }) {
  const reply = await join(socket, BARRIER, { config: { postgres_changes: [notificationsBinding(user.id)] }, access_token: user.token }, '90')
  expect(reply.payload.status).toBe('ok')
}

/** Inserts the user's next row and waits for it on the barrier channel: every row committed before it has been dealt with. */
async function passBarrier(socket: RawRealtimeSocket, userId: string) {
  const id = await notify(userId)
  await socket.next((f) => v2(f).event === 'postgres_changes' && v2(f).topic === BARRIER && recordOf(v2(f)).id === id)
  return id
}

/** postgres_changes on a topic other than the barrier's */
const changesBesideBarrier = (socket: RawRealtimeSocket) => changesOn(socket).filter((f) => f.topic !== BARRIER)

describe('serializers', () => {
  test('vsn 2.0.0: frames are [join_ref, ref, topic, event, payload]', async () => {
    const socket = await open('2.0.0')
    socket.send([null, '7', 'phoenix', 'heartbeat', {}])
    expect(await socket.next(() => true)).toEqual([null, '7', 'phoenix', 'phx_reply', { status: 'ok', response: {} }])
    socket.close()
  })

  test('vsn 1.0.0, and no vsn: frames are objects without join_ref, as Phoenix V1 sends them', async () => {
    for (const vsn of ['1.0.0', undefined]) {
      const socket = await open(vsn)
      socket.send({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '3', join_ref: null })
      expect(await socket.next(() => true)).toEqual({ topic: 'phoenix', event: 'phx_reply', payload: { status: 'ok', response: {} }, ref: '3' })
      socket.close()
    }
  })

  test('query parameters realtime-js adds (log_level) are accepted', async () => {
    const socket = await open('2.0.0', { log_level: 'info' })
    socket.send([null, '1', 'phoenix', 'heartbeat', {}])
    await socket.next(() => true)
    socket.close()
  })
})

describe('a join', () => {
  test('is answered with the bindings in order, integer ids, then the postgres_changes system message; rows arrive as Supabase sends them', async () => {
    const user = await newUser()
    const socket = await open('2.0.0')
    const bindings = [notificationsBinding(user.id), usersBinding(user.id)]
    const reply = await join(socket, 'realtime:dash', { config: { broadcast: { ack: false, self: false }, presence: { key: '', enabled: false }, postgres_changes: bindings, private: false }, access_token: user.token })
    expect(reply).toEqual({ join_ref: '1', ref: '1', topic: 'realtime:dash', event: 'phx_reply', payload: { status: 'ok', response: { postgres_changes: [{ ...bindings[0], id: 1 }, { ...bindings[1], id: 2 }] } } })
    const system = v2(await socket.next((f) => v2(f).event === 'system'))
    expect(system).toEqual({ join_ref: '1', ref: null, topic: 'realtime:dash', event: 'system', payload: { extension: 'postgres_changes', status: 'ok', message: 'Subscribed to PostgreSQL', channel: 'dash' } })

    const id = await notify(user.id)
    const insert = v2(await socket.next((f) => v2(f).event === 'postgres_changes'))
    const [stored] = await sql`SELECT to_jsonb(n) AS record, created_at FROM notifications n WHERE id = ${id}`
    const columns = await sql`
      SELECT a.attname AS name, t.typname AS type FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
       WHERE a.attrelid = 'public.notifications'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`
    expect(insert).toEqual({
      join_ref: null,
      ref: null,
      topic: 'realtime:dash',
      event: 'postgres_changes',
      payload: {
        ids: [1],
        data: {
          schema: 'public',
          table: 'notifications',
          commit_timestamp: (stored!.created_at as Date).toISOString(),
          type: 'INSERT',
          columns: columns.map((c) => ({ name: c.name, type: c.type })),
          record: stored!.record,
          errors: null,
        },
      },
    })
    expect(insert.payload.data).toMatchObject({ commit_timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) })

    // the flip as the onboarding join makes it (with its notification, which the embedded database's poll relies on)
    await sql.begin((tx) => joinHandlers.onboarding(tx, { join_key: `onboarding:${user.id}`, kind: 'onboarding', user_id: user.id }))
    await waitFor('the UPDATE', () => changesOn(socket).length === 3)
    const { payload } = changesOn(socket)[1]!
    expect(payload.ids).toEqual([2])
    expect(payload.data).toMatchObject({ table: 'users', type: 'UPDATE', record: { id: user.id, dashboard_ready: true }, old_record: { id: user.id }, errors: null })
    expect(changesOn(socket)[2]!.payload).toMatchObject({ ids: [1], data: { table: 'notifications', type: 'INSERT', record: { kind: 'dashboard_ready' } } })
    socket.close()
  })

  test('with select carries only those columns and the primary key', async () => {
    const user = await newUser()
    const socket = await open('2.0.0')
    const reply = await join(socket, 'realtime:slim', { config: { postgres_changes: [{ ...notificationsBinding(user.id), select: ['title'] }] }, access_token: user.token })
    expect(reply.payload.status).toBe('ok')
    await notify(user.id)
    const { payload } = v2(await socket.next((f) => v2(f).event === 'postgres_changes'))
    const data = payload.data as { record: Record<string, unknown>; columns: { name: string }[] }
    expect(Object.keys(data.record).sort()).toEqual(['id', 'title'])
    expect(data.columns.map((c) => c.name)).toEqual(['id', 'title'])
    socket.close()
  })

  test('of a topic already joined replaces the channel: phx_close for the old join, rows once', async () => {
    const user = await newUser()
    const socket = await open('2.0.0')
    const payload = { config: { postgres_changes: [notificationsBinding(user.id)] }, access_token: user.token }
    await join(socket, 'realtime:twice', payload, '1')
    const from = socket.frames.length
    expect((await join(socket, 'realtime:twice', payload, '5')).payload.status).toBe('ok')
    expect(socket.frames.slice(from).map(v2).find((f) => f.event === 'phx_close')).toEqual({ join_ref: '1', ref: '1', topic: 'realtime:twice', event: 'phx_close', payload: {} })
    const first = await notify(user.id)
    // the second row is the barrier: a copy of the first, from the replaced join, would come before it
    const second = await notify(user.id)
    await waitFor('both pushes', () => changesOn(socket).some((f) => recordOf(f).id === second))
    expect(changesOn(socket).map((f) => recordOf(f).id)).toEqual([first, second])
    socket.close()
  })

  test('is refused past 100 channels on one socket', async () => {
    const user = await newUser()
    const socket = await open('2.0.0')
    for (let i = 1; i <= 100; i++) socket.send([String(i), String(i), `realtime:c${i}`, 'phx_join', { access_token: user.token }])
    const refused = await join(socket, 'realtime:c101', { access_token: user.token }, '101')
    expect(refused.payload).toEqual({ status: 'error', response: { reason: 'ChannelRateLimitReached: Too many channels' } })
    expect(socket.frames.map(v2).filter((f) => f.event === 'phx_reply' && (f.payload as { status: string }).status === 'ok')).toHaveLength(100)
    socket.close()
  })
})

describe('refused joins say why and carry nothing', () => {
  const cases: [string, (victim: string, attackerToken: string) => Promise<[string, Record<string, unknown>]>, string][] = [
    ['another table', async (victim, token) => ['realtime:x', { config: { postgres_changes: [{ event: '*', schema: 'public', table: 'user_connections', filter: `user_id=eq.${victim}` }] }, access_token: token }], 'UnsupportedTable: public.user_connections'],
    ['another schema', async (_victim, token) => ['realtime:x', { config: { postgres_changes: [{ event: '*', schema: 'auth', table: 'users' }] }, access_token: token }], 'UnsupportedTable: auth.users'],
    ['every table', async (_victim, token) => ['realtime:x', { config: { postgres_changes: [{ event: '*', schema: '*' }] }, access_token: token }], 'UnsupportedTable: *.*'],
    ["another user's notifications", async (victim, token) => ['realtime:x', { config: { postgres_changes: [notificationsBinding(victim)] }, access_token: token }], 'Unauthorized: the filter user_id=eq.'],
    ["another user's users row", async (victim, token) => ['realtime:x', { config: { postgres_changes: [usersBinding(victim)] }, access_token: token }], 'Unauthorized: the filter id=eq.'],
    ['a filter on another column', async (_victim, token) => ['realtime:x', { config: { postgres_changes: [{ event: 'INSERT', schema: 'public', table: 'notifications', filter: 'kind=eq.coach' }] }, access_token: token }], 'UnsupportedFilter'],
    ['a negated owner filter', async (victim, token) => ['realtime:x', { config: { postgres_changes: [{ event: 'INSERT', schema: 'public', table: 'notifications', filter: `user_id=neq.${victim}` }] }, access_token: token }], 'UnsupportedFilter'],
    ['an event not pushed', async (victim, token) => ['realtime:x', { config: { postgres_changes: [{ event: 'DELETE', schema: 'public', table: 'notifications' }] }, access_token: token }], 'UnsupportedEvent: DELETE on public.notifications'],
    ['a forged token', async (victim) => ['realtime:x', { config: { postgres_changes: [notificationsBinding(victim)] }, access_token: await issueDevToken('not-the-project-secret-not-the-project-secret', victim) }], 'InvalidJWTToken: token signature or claims invalid'],
    ['an expired token', async (victim) => ['realtime:x', { config: { postgres_changes: [notificationsBinding(victim)] }, access_token: await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, victim, { expiresIn: Math.floor(Date.now() / 1000) - 60 }) }], 'InvalidJWTToken: token expired'],
    ['alg none', async (victim) => ['realtime:x', { config: { postgres_changes: [notificationsBinding(victim)] }, access_token: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: victim, role: 'authenticated' })).toString('base64url')}.` }], 'InvalidJWTToken: token algorithm none is not accepted'],
    ['an unknown select column', async (_victim, token) => ['realtime:x', { config: { postgres_changes: [{ event: 'INSERT', schema: 'public', table: 'notifications', select: ['ciphertext'] }] }, access_token: token }], 'InvalidSelect: ciphertext'],
    ['a malformed payload', async (_victim, token) => ['realtime:x', { config: { postgres_changes: 'notifications' }, access_token: token }], 'InvalidJoinPayload: /config/postgres_changes'],
    ['a negative notifications_after_seq', async (_victim, token) => ['realtime:x', { config: { postgres_changes: [] }, access_token: token, notifications_after_seq: -1 }], 'InvalidJoinPayload: /notifications_after_seq'],
    ['the replaced notifications_since (an id)', async (_victim, token) => ['realtime:x', { config: { postgres_changes: [] }, access_token: token, notifications_since: 0 }], 'InvalidJoinPayload: /notifications_since: replaced by notifications_after_seq'],
    ['an empty topic name', async (_victim, token) => ['realtime:', { access_token: token }], 'TopicNameRequired'],
    ['a topic outside realtime:', async (_victim, token) => ['room:lobby', { access_token: token }], 'unmatched topic'],
  ]

  test.each(cases)('%s', async (_name, makeJoin, reason) => {
    const victim = await newUser()
    const attacker = await newUser()
    const socket = await open('2.0.0')
    const [topic, payload] = await makeJoin(victim.id, attacker.token)
    const reply = await join(socket, topic, payload)
    expect(reply.payload.status).toBe('error')
    expect((reply.payload.response as { reason: string }).reason).toStartWith(reason)
    await joinBarrier(socket, attacker)
    await notify(victim.id)
    await notify(attacker.id)
    for (const user of [victim, attacker]) await sql.begin((tx) => joinHandlers.onboarding(tx, { join_key: `onboarding:${user.id}`, kind: 'onboarding', user_id: user.id }))
    await passBarrier(socket, attacker.id)
    expect(changesBesideBarrier(socket)).toEqual([])
    expect(JSON.stringify(changesOn(socket))).not.toContain(victim.id)
    socket.close()
  })
})

async function joined(user: { id: string; token: string }) {
  const socket = await open('2.0.0')
  const reply = await join(socket, 'realtime:mine', { config: { postgres_changes: [notificationsBinding(user.id)] }, access_token: user.token })
  expect(reply.payload.status).toBe('ok')
  return socket
}

describe('a join without a token (the apikey is the project key, as a signed-out page sends)', () => {
  test('is answered ok and carries nothing until an access_token push signs it in; then it replays from notifications_since', async () => {
    const user = await newUser()
    const seen = await notify(user.id)
    const missed = await notify(user.id)
    const socket = await open('2.0.0')
    const reply = await join(socket, 'realtime:later', { config: { postgres_changes: [notificationsBinding(user.id)] }, notifications_after_seq: await deliverySeqOf(sql, seen) })
    expect(reply.payload.status).toBe('ok')
    const whileSignedOut = await notify(user.id)

    socket.send(['1', '2', 'realtime:later', 'access_token', { access_token: user.token }])
    await waitFor('the replay', () => changesOn(socket).length === 2)
    const live = await notify(user.id)
    await waitFor('the live push', () => changesOn(socket).length === 3)
    // a push before the sign-in would be first here, and its row again in the replay
    expect(changesOn(socket).map((f) => recordOf(f).id)).toEqual([missed, whileSignedOut, live])
    socket.close()
  })

  test("is ended when the token that follows is not the filter's user", async () => {
    const victim = await newUser()
    const attacker = await newUser()
    const socket = await open('2.0.0')
    expect((await join(socket, 'realtime:later', { config: { postgres_changes: [notificationsBinding(victim.id)] }, notifications_after_seq: 0 })).payload.status).toBe('ok')
    await joinBarrier(socket, attacker)
    socket.send(['1', '2', 'realtime:later', 'access_token', { access_token: attacker.token }])
    await socket.next((f) => v2(f).event === 'phx_close')
    expect(socket.frames.map(v2).find((f) => f.event === 'system' && (f.payload as { status: string }).status === 'error')?.payload).toMatchObject({
      message: expect.stringMatching(/^Unauthorized: the filter/),
    })
    await notify(victim.id)
    await passBarrier(socket, attacker.id)
    expect(changesBesideBarrier(socket)).toEqual([])
    socket.close()
  })
})

describe('a joined channel', () => {
  test('accepts a refreshed token of the same user and keeps pushing', async () => {
    const user = await newUser()
    const socket = await joined(user)
    socket.send(['1', '2', 'realtime:mine', 'access_token', { access_token: await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, user.id, { expiresIn: '2h' }) }])
    await notify(user.id)
    await waitFor('the push', () => changesOn(socket).length)
    expect(socket.frames.map(v2).filter((f) => f.event === 'system' || f.event === 'phx_close')).toHaveLength(1)
    socket.close()
  })

  test.each([
    ['another user', async () => issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, crypto.randomUUID()), 'the new access token is for another user'],
    ['a forged token', async () => issueDevToken('not-the-project-secret-not-the-project-secret', crypto.randomUUID()), 'token signature or claims invalid'],
    ['an expired token', async () => issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, crypto.randomUUID(), { expiresIn: Math.floor(Date.now() / 1000) - 5 }), 'token expired'],
  ])('ends with a system error and phx_close on an access_token of %s, and pushes nothing more', async (_name, makeToken, message) => {
    const user = await newUser()
    const socket = await joined(user)
    await joinBarrier(socket, user)
    socket.send(['1', '2', 'realtime:mine', 'access_token', { access_token: await makeToken() }])
    const close = v2(await socket.next((f) => v2(f).event === 'phx_close'))
    expect(close).toEqual({ join_ref: '1', ref: '1', topic: 'realtime:mine', event: 'phx_close', payload: {} })
    expect(socket.frames.map(v2).find((f) => f.event === 'system' && (f.payload as { status: string }).status === 'error')?.payload).toEqual({
      extension: 'system',
      status: 'error',
      message,
      channel: 'mine',
    })
    await passBarrier(socket, user.id)
    expect(changesBesideBarrier(socket)).toEqual([])
    socket.close()
  })

  test('answers phx_leave, closes, and pushes nothing more; a push to the left topic is unmatched', async () => {
    const user = await newUser()
    const socket = await joined(user)
    await joinBarrier(socket, user)
    const from = socket.frames.length
    socket.send(['1', '2', 'realtime:mine', 'phx_leave', {}])
    await socket.next((f) => v2(f).event === 'phx_close', 5_000, from)
    expect(socket.frames.slice(from).map(v2)).toEqual([
      { join_ref: '1', ref: '2', topic: 'realtime:mine', event: 'phx_reply', payload: { status: 'ok', response: {} } },
      { join_ref: '1', ref: '1', topic: 'realtime:mine', event: 'phx_close', payload: {} },
    ])
    socket.send(['1', '3', 'realtime:mine', 'access_token', { access_token: user.token }])
    expect(v2(await socket.next((f) => v2(f).ref === '3')).payload).toEqual({ status: 'error', response: { reason: 'unmatched topic' } })
    await passBarrier(socket, user.id)
    expect(changesBesideBarrier(socket)).toEqual([])
    socket.close()
  })

  test('refuses broadcast and presence, as text and as a vsn 2.0.0 binary broadcast', async () => {
    const user = await newUser()
    const socket = await joined(user)
    socket.send(['1', '4', 'realtime:mine', 'broadcast', { type: 'broadcast', event: 'cursor', payload: { x: 1 } }])
    socket.send(['1', '5', 'realtime:mine', 'presence', { type: 'presence', event: 'track', payload: {} }])
    socket.send(userBroadcastPush('1', '6', 'realtime:mine', 'cursor', '{"x":1}'))
    for (const ref of ['4', '5', '6']) {
      const reply = v2(await socket.next((f) => v2(f).ref === ref))
      expect(reply.payload).toEqual({ status: 'error', response: { reason: expect.stringContaining('is not supported by this server') } })
    }
    socket.close()
  })
})

/** realtime-js's binary frame for channel.send({ type: 'broadcast' }) under vsn 2.0.0 (kind 3). */
function userBroadcastPush(joinRef: string, ref: string, topic: string, event: string, json: string) {
  const parts = [joinRef, ref, topic, event, ''].map((s) => new TextEncoder().encode(s))
  const header = [3, ...parts.map((p) => p.length), 1]
  return new Uint8Array([...header, ...parts.flatMap((p) => [...p]), ...new TextEncoder().encode(json)])
}

describe('bad frames close the socket and nothing else', () => {
  test.each([
    ['text that is not JSON', '2.0.0', '{"topic": nope'],
    ['a 1.0.0 object on a 2.0.0 socket', '2.0.0', { topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '1' }],
    ['a 2.0.0 array on a 1.0.0 socket', '1.0.0', [null, '1', 'phoenix', 'heartbeat', {}]],
    ['an array of the wrong types', '2.0.0', [null, '1', 42, 'heartbeat', {}]],
    ['a payload that is not an object', '2.0.0', [null, '1', 'phoenix', 'heartbeat', 'x']],
    ['a bare number', '2.0.0', '12345'],
    ['binary on a 1.0.0 socket', '1.0.0', new Uint8Array([3, 0, 0, 0, 0, 0, 1])],
    ['a binary frame shorter than its header says', '2.0.0', new Uint8Array([3, 200, 200, 200, 200, 0, 1, 65])],
    ['a binary frame of an unknown kind', '2.0.0', new Uint8Array([9, 1, 2, 3])],
  ])('%s: 1007', async (_name, vsn, frame) => {
    const socket = await open(vsn)
    socket.send(frame)
    expect((await socket.waitClosed()).code).toBe(1007)
  })

  test('a message over 64 KB: 1009, and the server keeps serving', async () => {
    const user = await newUser()
    const socket = await open('2.0.0')
    socket.send(['1', '1', 'realtime:big', 'phx_join', { access_token: user.token, pad: 'x'.repeat(70_000) }])
    expect((await socket.waitClosed()).code).toBe(1009)
    const fresh = await open('2.0.0')
    expect((await join(fresh, 'realtime:after', { config: { postgres_changes: [notificationsBinding(user.id)] }, access_token: user.token })).payload.status).toBe('ok')
    fresh.close()
    expect((await fetch(`${cluster.urls.server1}/health`)).status).toBe(200)
  })
})
