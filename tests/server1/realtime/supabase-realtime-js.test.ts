/**
 * The frontend contract of issue 12: the real @supabase/realtime-js (and supabase-js) against
 * Server 1 on a real database, with every pushed row written by Server 2's agents. Run with one
 * Server 1 and again with two instances on the same database behind a "load balancer" (a
 * WebSocket transport that picks the instance, as a proxy would). A row that must not reach a
 * socket is followed by one that may (a barrier row, written straight into the table): frames of
 * one socket arrive in order and rows are pushed in commit order, so once the barrier row is
 * there, anything the earlier row would have caused is there too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RealtimeClient } from '@supabase/realtime-js'
import { createClient } from '@supabase/supabase-js'
import postgres from 'postgres'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { type RunningServer, startServer } from '#shared/boot/start-server.ts'
import { server1Spec } from '../../../server1/index.ts'
import type { Server1Deps } from '../../../server1/server1-deps.ts'
import { renderPdf, renderScannedPdf } from '../../server2/resume-parse/fixtures/render-resume.ts'
import { RESUMES } from '../../server2/resume-parse/fixtures/resumes.ts'
import { freePort } from '../../support/free-port.ts'
import { joinDashboard, type NotificationRecord, realtimeUrl, subscribeDashboard, switchableTransport } from '../../support/realtime-client.ts'
import { TEST_SECRETS } from '../../support/test-config.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { insertNotification } from '../../support/test-notification.ts'
import { instanceOptions, startTestCluster, type TestCluster } from '../../support/test-servers.ts'
import { waitFor } from '../../support/wait-for.ts'

const RAHUL = RESUMES.find((r) => r.name.startsWith('experienced SDE'))!

interface Topology {
  name: string
  twoInstances: boolean
}

describe.each<Topology>([
  { name: 'one Server 1', twoInstances: false },
  { name: 'two Server 1 instances on one database', twoInstances: true },
])('$name', ({ twoInstances }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'talvix-realtime-js-'))
  let db: TestDatabase
  let sql: postgres.Sql
  let cluster: TestCluster
  let secondInstance: RunningServer<Server1Deps> | undefined
  /** where each client's socket goes: instance A, or B when there are two */
  const urls = { a: '', b: '' }

  beforeAll(async () => {
    db = await createTestDatabase()
    sql = postgres(db.url, { max: 4, onnotice: () => {} })
    cluster = await startTestCluster(db.url, ['server1', 'server2'], { DATA_DIR: dataDir })
    urls.a = cluster.urls.server1
    urls.b = urls.a
    if (twoInstances) {
      secondInstance = await startServer(server1Spec, cluster.config, instanceOptions(freePort()))
      urls.b = secondInstance.url
    }
  })

  afterAll(async () => {
    await secondInstance?.stop()
    await cluster.stopAll()
    await sql.end()
    await db.drop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function signIn(expiresIn: string | number = '1h') {
    const userId = crypto.randomUUID()
    const token = await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, userId, { expiresIn })
    // the first REST call creates the user's row, as it does for a new Supabase user
    const me = await fetch(`${urls.a}/api/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)
    return { userId, token }
  }

  /** A resume Server 2 cannot read: its resume-parse run fails for good and notifies the user. */
  async function uploadUnreadableResume(user: { token: string }, serverUrl = urls.a) {
    const form = new FormData()
    form.append('file', new File([new Uint8Array(await renderScannedPdf(1))], 'scan.pdf', { type: 'application/pdf' }))
    const res = await fetch(`${serverUrl}/api/resume/upload`, { method: 'POST', headers: { authorization: `Bearer ${user.token}` }, body: form })
    expect(res.status).toBe(202)
    const { resume_id } = (await res.json()) as { resume_id: string }
    const [row] = await waitFor('the resume_parse_failed notification', () =>
      sql`SELECT id FROM notifications WHERE data->>'resume_id' = ${resume_id} AND kind = 'resume_parse_failed'`.then((rows) => (rows.length ? rows : null)),
    )
    return Number(row!.id)
  }

  async function storedRow(id: number) {
    const [row] = await sql`SELECT to_jsonb(n) AS record FROM notifications n WHERE id = ${id}`
    return row!.record as NotificationRecord
  }

  test("supabase-js: SUBSCRIBED, a notification Server 2 writes arrives as payload.new on every socket of its user, never on another user's", async () => {
    const owner = await signIn()
    const stranger = await signIn()
    // the dashboard's code, against Server 1 as the "Supabase URL"
    const supabase = createClient(urls.a, 'dev-anon-key', { accessToken: async () => owner.token })
    // the token must be on the join, or the channel joins signed out and sees nothing (supabase-js#1304; same on Supabase)
    await supabase.realtime.setAuth()
    const received: NotificationRecord[] = []
    const statuses: string[] = []
    supabase
      .channel('my-notifications')
      .on<NotificationRecord>('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notifications', filter: `user_id=eq.${owner.userId}` }, (payload) => {
        received.push(payload.new)
      })
      .subscribe((status) => statuses.push(status))
    await waitFor('SUBSCRIBED', () => statuses.includes('SUBSCRIBED'))
    expect(statuses).toEqual(['SUBSCRIBED'])
    // the same user in a second tab (on the other instance when there are two), two channels on one socket
    const secondTab = await subscribeDashboard(urls.b, owner.userId, owner.token)
    const extraChannel = secondTab.client.channel('notifications-too')
    const extraReceived: NotificationRecord[] = []
    extraChannel
      .on<NotificationRecord>('postgres_changes', { event: '*', schema: 'public', table: 'notifications' }, (payload) => extraReceived.push(payload.new as NotificationRecord))
      .subscribe()
    await waitFor('the second channel', () => extraChannel.state === 'joined')
    const strangerFeed = await subscribeDashboard(urls.b, stranger.userId, stranger.token)
    try {
      const id = await uploadUnreadableResume(owner)
      const expected = await storedRow(id)
      await waitFor('the push to every subscription', () => received.length && secondTab.notifications.length && extraReceived.length)
      expect(received).toEqual([expected])
      expect(received[0]!.kind).toBe('resume_parse_failed')

      // the stranger's own row, after the owner's, is the barrier on the stranger's socket
      const theirs = await uploadUnreadableResume(stranger)
      await waitFor("the stranger's push", () => strangerFeed.notifications[0])
      expect(strangerFeed.notifications.map((n) => n.id)).toEqual([theirs])
      expect(strangerFeed.userUpdates).toEqual([])

      // and a later row of the owner's is the barrier on the owner's sockets: once each, nothing of the stranger's
      const barrier = await insertNotification(sql, owner.userId, 'barrier')
      await waitFor('the barrier row everywhere', () => [received, secondTab.notifications, extraReceived].every((feed) => feed.some((n) => n.id === barrier)))
      for (const feed of [received, secondTab.notifications, extraReceived]) expect(feed.map((n) => n.id)).toEqual([id, barrier])
      expect(secondTab.notifications[0]).toEqual(expected)
      expect(extraReceived[0]).toEqual(expected)
    } finally {
      await supabase.removeAllChannels()
      await secondTab.close()
      await strangerFeed.close()
    }
  })

  test('the onboarding chain: dashboard_ready going TRUE arrives as an UPDATE of the users row, with its notification', async () => {
    const owner = await signIn()
    const stranger = await signIn()
    const feed = await subscribeDashboard(urls.b, owner.userId, owner.token)
    const strangerFeed = await subscribeDashboard(urls.a, stranger.userId, stranger.token)
    try {
      const roles = await fetch(`${urls.a}/api/user/roles`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ roles: ['Backend Engineer'] }),
      })
      expect(roles.status).toBe(200)
      const form = new FormData()
      form.append('file', new File([new Uint8Array(await renderPdf(RAHUL.lines))], 'cv.pdf', { type: 'application/pdf' }))
      const upload = await fetch(`${urls.a}/api/resume/upload`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}` }, body: form })
      expect(upload.status).toBe(202)

      const update = await waitFor('the dashboard_ready UPDATE', () => feed.userUpdates[0], 60_000)
      expect(update.new).toMatchObject({ id: owner.userId, dashboard_ready: true, target_roles: ['Backend Engineer'] })
      expect(update.old).toEqual({ id: owner.userId })
      const ready = await waitFor('the dashboard_ready notification', () => feed.notifications.find((n) => n.kind === 'dashboard_ready'))
      expect(ready.user_id).toBe(owner.userId)
      const ownBarrier = await insertNotification(sql, owner.userId, 'barrier')
      const strangerBarrier = await insertNotification(sql, stranger.userId, 'barrier')
      await waitFor('both barrier rows', () => feed.notifications.some((n) => n.id === ownBarrier) && strangerFeed.notifications[0])
      expect(feed.userUpdates).toHaveLength(1)
      expect(strangerFeed.notifications.map((n) => n.id)).toEqual([strangerBarrier])
      expect(strangerFeed.userUpdates).toEqual([])
    } finally {
      await feed.close()
      await strangerFeed.close()
    }
  }, 90_000)

  test.each(['1.0.0', '2.0.0'])('vsn %s: the row arrives converted by its column types', async (vsn) => {
    const owner = await signIn()
    const feed = await subscribeDashboard(urls.b, owner.userId, owner.token, { client: { vsn } })
    try {
      expect(feed.client.endpointURL()).toContain(`vsn=${vsn}`)
      const id = await uploadUnreadableResume(owner)
      await waitFor('the push', () => feed.notifications[0])
      const row = feed.notifications[0]!
      expect(row).toEqual(await storedRow(id))
      expect(typeof row.id).toBe('number')
      expect(row.data).toEqual({ resume_id: expect.any(String), reason: 'no extractable text' })
    } finally {
      await feed.close()
    }
  })

  test('a token that expires mid-session ends the channel with an error and stops delivery; a refreshed one keeps it', async () => {
    const owner = await signIn()
    const expiring = await subscribeDashboard(urls.a, owner.userId, owner.token)
    const refreshed = await subscribeDashboard(urls.b, owner.userId, owner.token)
    try {
      const first = await uploadUnreadableResume(owner)
      await waitFor('the first push', () => expiring.notifications[0] && refreshed.notifications[0])

      // the session's token is replaced by one about to expire; one page refreshes it in time, the other does not
      const expiresAt = Math.floor(Date.now() / 1000) + 2
      const shortLived = await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, owner.userId, { expiresIn: expiresAt })
      await expiring.client.setAuth(shortLived)
      await refreshed.client.setAuth(shortLived)
      await refreshed.client.setAuth(owner.token)
      await waitFor('the channel to close at expiry', () => expiring.statuses.includes('CLOSED'), 10_000)
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt * 1000)
      expect(expiring.system.at(-1)).toMatchObject({ extension: 'system', status: 'error', message: 'token expired' })

      // signed in again, a new channel on the same socket: the barrier for the closed one
      await expiring.client.setAuth(owner.token)
      const sameSocket = await joinDashboard(expiring.client, owner.userId, { name: 'after-expiry' })
      const second = await uploadUnreadableResume(owner)
      await waitFor('the second push', () => refreshed.notifications.length === 2 && sameSocket.notifications[0])
      expect(expiring.notifications.map((n) => n.id)).toEqual([first])
      expect(sameSocket.notifications.map((n) => n.id)).toEqual([second])
      expect(refreshed.notifications.map((n) => n.id)).toEqual([first, second])
      expect(refreshed.statuses).not.toContain('CLOSED')
    } finally {
      await expiring.close()
      await refreshed.close()
    }
  })

  test('kill the socket, three notifications while it is down, reconnect: all three arrive once, in order, then live ones', async () => {
    const owner = await signIn()
    const network = switchableTransport(urls.a)
    const feed = await subscribeDashboard(urls.a, owner.userId, owner.token, { client: { transport: network.transport, reconnectAfterMs: () => 100 } })
    try {
      const before = await uploadUnreadableResume(owner)
      await waitFor('the live push', () => feed.notifications[0])

      network.path.to = null
      if (twoInstances) await cluster.stop('server1')
      else network.dropConnection()
      await waitFor('the socket to drop', () => !feed.client.isConnected())
      const survivor = twoInstances ? urls.b : urls.a
      const missed = [
        await uploadUnreadableResume(owner, survivor),
        await uploadUnreadableResume(owner, survivor),
        await uploadUnreadableResume(owner, survivor),
      ]

      network.path.to = survivor
      await waitFor('the replay', () => feed.notifications.length >= 4, 15_000)
      const live = await uploadUnreadableResume(owner, survivor)
      const barrier = await insertNotification(sql, owner.userId, 'barrier')
      await waitFor('the barrier row', () => feed.notifications.some((n) => n.id === barrier))
      expect(feed.notifications.map((n) => n.id)).toEqual([before, ...missed.sort((x, y) => x - y), live, barrier])
      expect(feed.statuses.filter((s) => s === 'SUBSCRIBED').length).toBeGreaterThanOrEqual(2)
    } finally {
      await feed.close()
      if (twoInstances) await cluster.start('server1')
    }
  })

  test('a realtime-js client joining another user\'s filter gets CHANNEL_ERROR with the reason, and none of their rows', async () => {
    const victim = await signIn()
    const attacker = await signIn()
    const client = new RealtimeClient(realtimeUrl(urls.b), { params: { apikey: 'dev-anon-key' } })
    client.setAuth(attacker.token)
    const errors: string[] = []
    const received: unknown[] = []
    const own = await joinDashboard(client, attacker.userId)
    client
      .channel('spy')
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notifications', filter: `user_id=eq.${victim.userId}` }, (p) => received.push(p))
      .subscribe((status, err) => {
        if (status === 'CHANNEL_ERROR') errors.push(String(err?.message))
      })
    try {
      await waitFor('CHANNEL_ERROR', () => errors[0])
      expect(errors[0]).toStartWith('Unauthorized: the filter')
      await uploadUnreadableResume(victim)
      const barrier = await insertNotification(sql, attacker.userId, 'barrier')
      await waitFor("the attacker's own row on the same socket", () => own.notifications[0])
      expect(own.notifications.map((n) => n.id)).toEqual([barrier])
      expect(received).toEqual([])
    } finally {
      await client.removeAllChannels()
    }
  })
})
