/**
 * The hub's delivery order without sockets: missed rows first, then what was held back during the
 * replay, each row once however late the bridge hears of it (NOTIFY lag on PostgreSQL, the poll
 * interval on the embedded database).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createSql, type Sql } from '#shared/db/create-sql.ts'
import { RealtimeHub } from '../../../server1/realtime/realtime-hub.ts'
import { readNotificationInserts, type RowChange } from '../../../server1/realtime/row-change.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'

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
  for (let i = 0; i < count; i++) {
    const [row] = await sql<{ id: string }[]>`INSERT INTO notifications (user_id, kind, title, body) VALUES (${userId}, 'test', ${`n${i}`}, 'b') RETURNING id`
    ids.push(Number(row!.id))
  }
  return { userId, ids }
}

const insertsOf = (delivered: RowChange[]) => delivered.flatMap((c) => (c.table === 'notifications' ? [c.id] : []))

describe('a hub subscription', () => {
  test('replays after since, then the rows held during the replay, then live; a row the bridge hears of late is not sent twice', async () => {
    const hub = new RealtimeHub(sql)
    const { userId, ids } = await userWithNotifications(4)
    const delivered: RowChange[] = []
    const subscription = hub.subscribe(userId, (change) => delivered.push(change))
    // committed before the replay query, heard of by the bridge while it runs
    for (const change of await readNotificationInserts(sql, [ids[3]!])) hub.publish(change)
    await subscription.catchUp(ids[0]!)
    expect(insertsOf(delivered)).toEqual(ids.slice(1))

    // heard of only now, after the replay already carried it
    for (const change of await readNotificationInserts(sql, ids)) hub.publish(change)
    expect(insertsOf(delivered)).toEqual(ids.slice(1))

    const [late] = await sql<{ id: string }[]>`INSERT INTO notifications (user_id, kind, title, body) VALUES (${userId}, 'test', 'live', 'b') RETURNING id`
    for (const change of await readNotificationInserts(sql, [Number(late!.id)])) hub.publish(change)
    expect(insertsOf(delivered)).toEqual([...ids.slice(1), Number(late!.id)])
    subscription.close()
    expect(hub.watches(userId)).toBe(false)
  })

  test('without since nothing is replayed and every live row is sent, as on Supabase', async () => {
    const hub = new RealtimeHub(sql)
    const { userId, ids } = await userWithNotifications(2)
    const delivered: RowChange[] = []
    const subscription = hub.subscribe(userId, (change) => delivered.push(change))
    await subscription.catchUp(null)
    expect(delivered).toEqual([])
    for (const change of await readNotificationInserts(sql, ids)) hub.publish(change)
    expect(insertsOf(delivered)).toEqual(ids)
    subscription.close()
  })

  test("another user's rows never reach it", async () => {
    const hub = new RealtimeHub(sql)
    const mine = await userWithNotifications(0)
    const theirs = await userWithNotifications(2)
    const delivered: RowChange[] = []
    const subscription = hub.subscribe(mine.userId, (change) => delivered.push(change))
    await subscription.catchUp(0)
    for (const change of await readNotificationInserts(sql, theirs.ids)) hub.publish(change)
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
    const delivered: RowChange[] = []
    const subscription = hub.subscribe(userId, (change) => delivered.push(change))
    await subscription.catchUp(0)
    expect(insertsOf(delivered)).toEqual(rows.map((r) => Number(r.id)).sort((a, b) => a - b))
    subscription.close()
  })
})
