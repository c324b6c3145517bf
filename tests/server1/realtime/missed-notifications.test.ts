/**
 * "Nothing is lost" for realtime: a notification reaches a connected or re-joining dashboard
 * exactly once, in commit order, through the real realtime-js client, when Server 1's LISTEN
 * connection drops and when transactions commit out of id order.
 */
import { afterAll, beforeAll, describe, expect } from 'bun:test'
import postgres from 'postgres'
import { joinHandlers } from '#shared/agents/join-handlers.ts'
import { realPostgresTest } from '../../support/database-mode.ts'
import { subscribeDashboard, switchableTransport } from '../../support/realtime-client.ts'
import { TcpProxy } from '../../support/tcp-proxy.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { insertNotification } from '../../support/test-notification.ts'
import { startTestCluster, type TestCluster } from '../../support/test-servers.ts'
import { newUserWithToken } from '../../support/test-user.ts'
import { waitFor } from '../../support/wait-for.ts'

let db: TestDatabase
let sql: postgres.Sql
/** Server 1 reaches the database through it; the test's own connections do not */
let proxy: TcpProxy
let cluster: TestCluster

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4, onnotice: () => {} })
  const target = new URL(db.url)
  proxy = TcpProxy.start({ hostname: target.hostname, port: Number(target.port || 5432) })
  cluster = await startTestCluster(proxy.urlFor(db.url), ['server1'])
})

afterAll(async () => {
  await cluster.stopAll()
  proxy.stop()
  await sql.end()
  await db.drop()
})

const listenBackends = () => sql<{ pid: number }[]>`
  SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'listen %'`

describe('missed notifications', () => {
  realPostgresTest('LISTEN/NOTIFY across connections')(
    "Server 1's LISTEN connection drops: what commits before it listens again reaches the subscribed client once, in order, with the dashboard_ready UPDATE",
    async () => {
      const user = await newUserWithToken(sql)
      const feed = await subscribeDashboard(cluster.urls.server1, user.id, user.token)
      try {
        const before = await insertNotification(sql, user.id, 'before the gap')
        await waitFor('the live push', () => feed.notifications[0])

        // the gap: the LISTEN backend dies and cannot reconnect yet; the client's socket stays up
        proxy.refuseNewConnections()
        const dead = (await listenBackends()).map((b) => b.pid)
        expect(dead.length).toBeGreaterThan(0)
        await sql`SELECT pg_terminate_backend(pid) FROM unnest(${dead}::int[]) AS pid`
        await waitFor('the LISTEN backend to be gone', async () => (await listenBackends()).every((b) => !dead.includes(b.pid)))
        const inGap = await insertNotification(sql, user.id, 'during the gap')
        await sql.begin((tx) => joinHandlers.onboarding(tx, { join_key: `onboarding:${user.id}`, kind: 'onboarding', user_id: user.id }))
        const [ready] = await sql`SELECT id FROM notifications WHERE user_id = ${user.id} AND kind = 'dashboard_ready'`

        proxy.acceptNewConnections()
        await waitFor('the rows committed during the gap', () => feed.notifications.length === 3, 10_000)
        const after = await insertNotification(sql, user.id, 'after the gap')
        await waitFor('the next live push', () => feed.notifications.length === 4)

        expect(feed.notifications.map((n) => n.id)).toEqual([before, inGap, Number(ready!.id), after])
        expect(feed.userUpdates.map((u) => u.new)).toEqual([expect.objectContaining({ id: user.id, dashboard_ready: true })])
        expect(feed.statuses).toEqual(['SUBSCRIBED'])
      } finally {
        proxy.acceptNewConnections()
        await feed.close()
      }
    },
  )

  realPostgresTest('two transactions open at once')(
    'rows committed out of id order: a connected client gets both live, a client that re-joins between the commits gets the other once, in commit order',
    async () => {
      const user = await newUserWithToken(sql)
      const network = switchableTransport(cluster.urls.server1)
      const rejoining = await subscribeDashboard(cluster.urls.server1, user.id, user.token, { client: { transport: network.transport, reconnectAfterMs: () => 100 } })
      const connected = await subscribeDashboard(cluster.urls.server1, user.id, user.token)
      const [first, second] = [await sql.reserve(), await sql.reserve()]
      try {
        await first`BEGIN`
        const older = await insertNotification(first, user.id, 'takes the smaller id, commits last')
        await second`BEGIN`
        const newer = await insertNotification(second, user.id, 'takes the larger id, commits first')
        expect(older).toBeLessThan(newer)
        await second`COMMIT`
        await waitFor('the first commit, live', () => rejoining.notifications[0] && connected.notifications[0])

        network.path.to = null
        network.dropConnection()
        await waitFor('the socket to drop', () => !rejoining.client.isConnected())
        await first`COMMIT`
        await waitFor('the second commit, live', () => connected.notifications.length === 2)
        network.path.to = cluster.urls.server1
        await waitFor('the replay after the re-join', () => rejoining.notifications.length === 2, 10_000)

        // a barrier: the next row arrives after anything the re-join could still send twice
        const live = await insertNotification(sql, user.id, 'after the re-join')
        await waitFor('the live push after the re-join', () => rejoining.notifications.length === 3 && connected.notifications.length === 3)
        expect(rejoining.notifications.map((n) => n.id)).toEqual([newer, older, live])
        expect(connected.notifications.map((n) => n.id)).toEqual([newer, older, live])
      } finally {
        first.release()
        second.release()
        await rejoining.close()
        await connected.close()
      }
    },
  )
})
