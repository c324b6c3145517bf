import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { WAMessage } from '@whiskeysockets/baileys'
import { handleIncoming } from '../../server1/whatsapp/handle-incoming.ts'
import { createWaFixture, seedUser, textFrom, type WaFixture } from '../server1/whatsapp/wa-fixture.ts'

/** WhatsApp shapes `bun run fuzz` found making handleIncoming throw, kept as regressions. */

let f: WaFixture
beforeAll(async () => {
  f = await createWaFixture()
})
afterAll(() => f.close())

const withTimestamp = (messageTimestamp: unknown) => ({ ...textFrom('+919800000101', 'status'), messageTimestamp }) as WAMessage

describe('a timestamp no Date can hold is no timestamp', () => {
  test.each([[1e15], ['1767225600'], [{ low: 5 }], [{ toNumber: () => Number.POSITIVE_INFINITY }]])('%p → ignored, nothing stored', async (timestamp) => {
    expect(await handleIncoming(f.deps, withTimestamp(timestamp))).toBe('ignored:no_timestamp')
    const [stored] = await f.sql`SELECT count(*)::int AS n FROM wa_messages`
    expect(stored?.n).toBe(0)
  })
})

describe('text PostgreSQL cannot store', () => {
  test('NUL in a text is dropped: the message is stored and answered', async () => {
    const phone = '+919800000102'
    await seedUser(f.sql, { phone })
    expect(await handleIncoming(f.deps, textFrom(phone, 'sta\u0000tus'))).toBe('executed:status')
    const [row] = await f.sql<{ body: string }[]>`SELECT body FROM wa_messages WHERE direction = 'in' AND phone_e164 = ${phone}`
    expect(row?.body).toBe('status')
  })

  test('a message id with NUL is no id', async () => {
    const message = textFrom('+919800000103', 'status', { id: '3EB0\u0000NUL' })
    expect(await handleIncoming(f.deps, message)).toBe('ignored:no_id')
  })
})
