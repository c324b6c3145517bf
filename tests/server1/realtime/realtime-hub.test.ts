/**
 * The hub's delivery order without sockets: missed rows first, then what was held back during the
 * replay, each row once however late the bridge hears of it (NOTIFY lag on PostgreSQL, the poll
 * interval on the embedded database), and a replay from the last delivered row whenever the
 * bridge may have missed one.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createSql, type Sql } from '#shared/db/create-sql.ts'
import { createLogger } from '#shared/logger.ts'
import { orderedChangeReader } from '../../../server1/realtime/ordered-change-reader.ts'
import { RealtimeHub } from '../../../server1/realtime/realtime-hub.ts'
import { readNotificationChanges, type RowChange } from '../../../server1/realtime/row-change.ts'
import { freePort } from '../../support/free-port.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { deliverySeqOf, insertNotification } from '../../support/test-notification.ts'
import { waitFor } from '../../support/wait-for.ts'

let db: TestDatabase
let sql: Sql

beforeAll(async () => {
  db = await createTestDatabase()
  sql = createSql(db.url, { max: 2 })
})

afterAll(async () => {
  await sql.end()
  await db.drop()
})

async function userWithNotifications(count: number) {
  const userId = crypto.randomUUID()
  await sql`INSERT INTO users (id) VALUES (${userId})`
  const ids: number[] = []
  for (let i = 0; i < count; i++) ids.push(await insertNotification(sql, userId, `n${i}`))
  return { userId, ids }
}

/** A subscription recording what it delivers; it must never fail to replay here. */
function subscribe(hub: RealtimeHub, userId: string) {
  const delivered: RowChange[] = []
  const subscription = hub.subscribe(userId, {
    deliver: (change) => delivered.push(change),
    replayFailed: (err) => {
      throw err
    },
  })
  return { subscription, delivered }
}

const insertsOf = (delivered: RowChange[]) => delivered.flatMap((c) => (c.table === 'notifications' ? [Number(c.record.id)] : []))

describe('a hub subscription', () => {
  test('replays after since, then the rows held during the replay, then live; a row the bridge hears of late is not sent twice', async () => {
    const hub = new RealtimeHub(sql)
    const { userId, ids } = await userWithNotifications(4)
    const { subscription, delivered } = subscribe(hub, userId)
    // committed before the replay query, heard of by the bridge while it runs
    for (const change of await readNotificationChanges(sql, [ids[3]!])) hub.publish(change)
    await subscription.catchUp(await deliverySeqOf(sql, ids[0]!))
    expect(insertsOf(delivered)).toEqual(ids.slice(1))

    // heard of only now, after the replay already carried it
    for (const change of await readNotificationChanges(sql, ids)) hub.publish(change)
    expect(insertsOf(delivered)).toEqual(ids.slice(1))

    const late = await insertNotification(sql, userId, 'live')
    for (const change of await readNotificationChanges(sql, [late])) hub.publish(change)
    expect(insertsOf(delivered)).toEqual([...ids.slice(1), late])
    subscription.close()
    expect(hub.watches(userId)).toBe(false)
  })

  test('without since nothing is replayed and every later row is sent, as on Supabase', async () => {
    const hub = new RealtimeHub(sql)
    const { userId, ids } = await userWithNotifications(2)
    const { subscription, delivered } = subscribe(hub, userId)
    await subscription.catchUp(null)
    for (const change of await readNotificationChanges(sql, ids)) hub.publish(change)
    expect(delivered).toEqual([])
    const later = [await insertNotification(sql, userId), await insertNotification(sql, userId)]
    for (const change of await readNotificationChanges(sql, later)) hub.publish(change)
    expect(insertsOf(delivered)).toEqual(later)
    subscription.close()
  })

  test("another user's rows never reach it", async () => {
    const hub = new RealtimeHub(sql)
    const mine = await userWithNotifications(0)
    const theirs = await userWithNotifications(2)
    const { subscription, delivered } = subscribe(hub, mine.userId)
    await subscription.catchUp(0)
    for (const change of await readNotificationChanges(sql, theirs.ids)) hub.publish(change)
    expect(delivered).toEqual([])
    subscription.close()
  })

  test('a replay longer than one page arrives whole and in order', async () => {
    const hub = new RealtimeHub(sql)
    const userId = crypto.randomUUID()
    await sql`INSERT INTO users (id) VALUES (${userId})`
    const rows = await sql<{ id: string }[]>`
      INSERT INTO notifications (user_id, kind, title, body)
      SELECT ${userId}, 'test', 'n' || g, 'b' FROM generate_series(1, 1203) g RETURNING id`
    const { subscription, delivered } = subscribe(hub, userId)
    await subscription.catchUp(0)
    expect(insertsOf(delivered)).toEqual(rows.map((r) => Number(r.id)).sort((a, b) => a - b))
    subscription.close()
  })

  test('a read-back that fails makes the subscriptions of its users replay from the last row they delivered', async () => {
    const hub = new RealtimeHub(sql)
    const { userId } = await userWithNotifications(1)
    const { subscription, delivered } = subscribe(hub, userId)
    await subscription.catchUp(null)
    // the bridge's reader on a database it cannot reach: its read-back of the next row fails
    const unreachable = createSql(`postgres://postgres@127.0.0.1:${freePort()}/gone`, { max: 1 })
    const readBack = orderedChangeReader(unreachable, hub, createLogger({ level: 'silent', name: 'test' }))
    try {
      const lost = await insertNotification(sql, userId, 'its read-back fails')
      readBack({ id: lost, userId })
      await waitFor('the replay', () => delivered.length === 1)
      // a barrier: the next live row comes after anything the replay could still send
      const next = await insertNotification(sql, userId, 'live again')
      for (const change of await readNotificationChanges(sql, [next])) hub.publish(change)
      expect(insertsOf(delivered)).toEqual([lost, next])
    } finally {
      subscription.close()
      await unreachable.end()
    }
  })
})
