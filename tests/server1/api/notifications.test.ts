import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { realPostgresTest } from '../../support/database-mode.ts'
import { insertNotification } from '../../support/test-notification.ts'
import { type ApiKit, expectError, startApiKit } from './api-test-kit.ts'

let kit: ApiKit
beforeAll(async () => {
  kit = await startApiKit()
})
afterAll(() => kit.stop())

async function notify(userId: string, count = 1): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    const [row] = await kit.sql<{ id: string }[]>`
      INSERT INTO notifications (user_id, kind, title, body, data)
      VALUES (${userId}, 'test', ${`Title ${i}`}, 'Body', ${kit.sql.json({ n: i })}) RETURNING id`
    ids.push(Number(row?.id))
  }
  return ids
}

type Page = { items: { id: number; status: string; data: { n: number } }[]; next_cursor: number | null; unread_count: number }

describe('GET /api/notifications', () => {
  test('own notifications only, newest first, cursor pages, unread count', async () => {
    const { userId, token } = await kit.signIn()
    const other = await kit.signIn()
    const ids = await notify(userId, 5)
    await notify(other.userId, 3)
    await kit.sql`INSERT INTO notifications (audience, kind, title, body) VALUES ('operator', 'agent_run_failed', 'x', 'y')`
    await kit.sql`UPDATE notifications SET status = 'read', read_at = now() WHERE id = ${ids[0] ?? 0}`

    const seen: number[] = []
    let cursor: number | null = null
    do {
      const res = await kit.call('GET', `/api/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token })
      expect(res.status).toBe(200)
      const page = (await res.json()) as Page
      expect(page.unread_count).toBe(4)
      seen.push(...page.items.map((n) => n.id))
      cursor = page.next_cursor
    } while (cursor !== null)
    expect(seen).toEqual(ids.toReversed())

    const unread = (await (await kit.call('GET', '/api/notifications?status=unread', { token })).json()) as Page
    expect(unread.items.map((n) => n.data.n)).toEqual([4, 3, 2, 1])
  })

  for (const [query, field] of [['?limit=0', 'limit'], ['?limit=500', 'limit'], ['?cursor=0', 'cursor'], ['?status=seen', 'status']] as const) {
    test(`${query} → 422 naming ${field}`, async () => {
      const { token } = await kit.signIn()
      await expectError(await kit.call('GET', `/api/notifications${query}`, { token }), 422, field)
    })
  }

  test('unauthenticated → 401', async () => {
    await expectError(await kit.call('GET', '/api/notifications'), 401)
  })

  realPostgresTest('two transactions open at once')('each item carries its delivery_seq, in commit order: the row that took the smaller id but committed last has the larger one', async () => {
    const { userId, token } = await kit.signIn()
    const [first, second] = [await kit.sql.reserve(), await kit.sql.reserve()]
    try {
      await first`BEGIN`
      const older = await insertNotification(first, userId)
      await second`BEGIN`
      const newer = await insertNotification(second, userId)
      await second`COMMIT`
      await first`COMMIT`
      const page = (await (await kit.call('GET', '/api/notifications', { token })).json()) as { items: { id: number; delivery_seq: number }[] }
      const seqOf = (id: number) => page.items.find((n) => n.id === id)!.delivery_seq
      expect(page.items.map((n) => n.id)).toEqual([newer, older])
      expect(seqOf(older)).toBeGreaterThan(seqOf(newer))
    } finally {
      first.release()
      second.release()
    }
  })
})

describe('PATCH /api/notifications/:id', () => {
  test('marks read (read_at set once), and unread again', async () => {
    const { userId, token } = await kit.signIn()
    const [id] = await notify(userId)
    const res = await kit.call('PATCH', `/api/notifications/${id}`, { token, json: { status: 'read' } })
    expect(res.status).toBe(200)
    const read = (await res.json()) as { status: string; read_at: string }
    expect(read.status).toBe('read')
    expect(read.read_at).not.toBeNull()
    await kit.expectNoChange(async () => {
      const again = (await (await kit.call('PATCH', `/api/notifications/${id}`, { token, json: { status: 'read' } })).json()) as { read_at: string }
      expect(again.read_at).toBe(read.read_at)
    })
    const unread = await kit.call('PATCH', `/api/notifications/${id}`, { token, json: { status: 'unread' } })
    expect(await unread.json()).toMatchObject({ status: 'unread', read_at: null })
  })

  test("another user's notification → 404 (same as a missing one), nothing changed", async () => {
    const owner = await kit.signIn()
    const intruder = await kit.signIn()
    const [id] = await notify(owner.userId)
    await kit.expectNoChange(async () => {
      const theirs = await expectError(await kit.call('PATCH', `/api/notifications/${id}`, { token: intruder.token, json: { status: 'read' } }), 404)
      const missing = await expectError(await kit.call('PATCH', '/api/notifications/999999999', { token: intruder.token, json: { status: 'read' } }), 404)
      expect(theirs.message).toBe(missing.message)
    })
  })

  test('invalid body or id → 422 naming the field; unauthenticated → 401; nothing changed', async () => {
    const { userId, token } = await kit.signIn()
    const [id] = await notify(userId)
    await kit.expectNoChange(async () => {
      await expectError(await kit.call('PATCH', `/api/notifications/${id}`, { token, json: { status: 'seen' } }), 422, 'status')
      await expectError(await kit.call('PATCH', `/api/notifications/${id}`, { token, json: {} }), 422, 'status')
      await expectError(await kit.call('PATCH', '/api/notifications/abc', { token, json: { status: 'read' } }), 422, 'id')
      await expectError(await kit.call('PATCH', `/api/notifications/${id}`, { json: { status: 'read' } }), 401)
    })
  })
})

describe('POST /api/notifications/read-all', () => {
  test("marks all of the user's unread notifications read, nobody else's", async () => {
    const { userId, token } = await kit.signIn()
    const other = await kit.signIn()
    await notify(userId, 3)
    await notify(other.userId, 2)
    const res = await kit.call('POST', '/api/notifications/read-all', { token })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ updated: 3 })
    const counts = await kit.sql`SELECT user_id, count(*) FILTER (WHERE status = 'unread')::int AS unread FROM notifications WHERE user_id IN ${kit.sql([userId, other.userId])} GROUP BY user_id`
    expect(Object.fromEntries(counts.map((c) => [c.user_id, c.unread]))).toEqual({ [userId]: 0, [other.userId]: 2 })
    await kit.expectNoChange(async () => {
      expect(await (await kit.call('POST', '/api/notifications/read-all', { token })).json()).toEqual({ updated: 0 })
    })
  })

  test('unauthenticated → 401, nothing changed', async () => {
    const { userId } = await kit.signIn()
    await notify(userId)
    await kit.expectNoChange(async () => expectError(await kit.call('POST', '/api/notifications/read-all'), 401))
  })
})
