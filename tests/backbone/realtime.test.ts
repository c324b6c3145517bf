import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import postgres from 'postgres'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { subscribeDashboard } from '../support/realtime-client.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { deliverySeqOf, insertNotification } from '../support/test-notification.ts'
import { startTestCluster, type TestCluster } from '../support/test-servers.ts'
import { newUserWithToken } from '../support/test-user.ts'
import { waitFor } from '../support/wait-for.ts'

let db: TestDatabase
let sql: postgres.Sql
let cluster: TestCluster

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 2, onnotice: () => {} })
  cluster = await startTestCluster(db.url, ['server1'])
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await db.drop()
})

const newUser = () => newUserWithToken(sql)

const notify = (userId: string, title: string) => insertNotification(sql, userId, title)

describe('realtime push', () => {
  test('a new notification reaches its owner and no one else', async () => {
    const alice = await newUser()
    const bob = await newUser()
    const aliceFeed = await subscribeDashboard(cluster.urls.server1, alice.id, alice.token)
    const bobFeed = await subscribeDashboard(cluster.urls.server1, bob.id, bob.token)
    try {
      const id = await notify(alice.id, 'hello alice')
      await waitFor('alice push', () => aliceFeed.notifications[0])
      expect(aliceFeed.notifications.map((n) => n.id)).toEqual([id])
      // a barrier: bob's own row, committed after alice's, reaches bob's socket after anything of hers could
      const bobs = await notify(bob.id, 'hello bob')
      await waitFor('bob push', () => bobFeed.notifications[0])
      expect(bobFeed.notifications.map((n) => n.id)).toEqual([bobs])
    } finally {
      await aliceFeed.close()
      await bobFeed.close()
    }
  })

  test('joining with the last seen id first receives what was missed, in order, then live ones', async () => {
    const user = await newUser()
    const first = await notify(user.id, 'seen')
    const missed = [await notify(user.id, 'missed 1'), await notify(user.id, 'missed 2'), await notify(user.id, 'missed 3')]
    const feed = await subscribeDashboard(cluster.urls.server1, user.id, user.token, { afterSeq: await deliverySeqOf(sql, first) })
    try {
      await waitFor('the replay', () => feed.notifications.length >= 3)
      const live = await notify(user.id, 'live')
      await waitFor('the live push', () => feed.notifications.length >= 4)
      expect(feed.notifications.map((n) => n.id)).toEqual([...missed, live])
    } finally {
      await feed.close()
    }
  })

  test('a forged token cannot join', async () => {
    const user = await newUser()
    const forged = await issueDevToken('not-the-project-secret-not-the-project-secret', user.id)
    await expect(subscribeDashboard(cluster.urls.server1, user.id, forged)).rejects.toThrow('CHANNEL_ERROR')
    const res = await fetch(`${cluster.urls.server1}/realtime/v1/websocket`, { headers: { upgrade: 'websocket' } })
    expect(res.status).toBeGreaterThanOrEqual(400)
  })

  test('a page that joins before its session is loaded gets nothing until setAuth, then its rows', async () => {
    const user = await newUser()
    const feed = await subscribeDashboard(cluster.urls.server1, user.id, null)
    try {
      await notify(user.id, 'before sign-in')
      await feed.client.setAuth(user.token)
      await waitFor('signed in', async () => {
        const id = await notify(user.id, 'after sign-in')
        await Bun.sleep(100)
        return feed.notifications.some((n) => n.id === id)
      })
      // the rows that reached it came after the one before sign-in, which would be among them had it arrived
      expect(feed.notifications.every((n) => n.title === 'after sign-in')).toBe(true)
    } finally {
      await feed.close()
    }
  })
})
