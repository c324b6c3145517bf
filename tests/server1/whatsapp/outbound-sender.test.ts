import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import pino from 'pino';
import type { ServerContext } from '#shared/context.ts';
import { outboundSender, type SendTransport } from '../../../server1/whatsapp/outbound-sender.ts';
import { enqueueWaMessage } from '../../../server1/whatsapp/outbox.ts';
import { testConfig } from '../../support/test-config.ts';
import { waitFor } from '../../support/wait-for.ts';
import { createWaFixture, seedUser, type WaFixture } from './wa-fixture.ts';

/** The outbound queue drained through a fake transport: a list of sends and a switch for the channel. */

let f: WaFixture;
let ctx: ServerContext;
beforeAll(async () => {
  f = await createWaFixture();
  ctx = {
    sql: f.sql,
    log: pino({ level: 'silent' }),
    config: testConfig({ DATABASE_URL: f.db.url, WA_SEND_INTERVAL_MS: '0', WA_SEND_MAX_ATTEMPTS: '3', WA_OUTBOX_POLL_MS: '60000' }),
    instanceId: 'test',
    embedded: false,
  };
});
afterAll(() => f.close());
// one queue per test: a sender drains every due row, not only the ones its test queued
beforeEach(async () => {
  await f.sql`DELETE FROM wa_messages`;
});

/** Like Baileys, it acknowledges a send with the message id it was given. */
function fakeTransport() {
  const sent: { phone: string; text: string; messageId: string }[] = [];
  const failing = new Set<string>();
  let calls = 0;
  const transport: SendTransport & { up: boolean } = {
    up: false,
    isUp: () => transport.up,
    async send(phone, text, messageId) {
      calls++;
      if (failing.has(phone)) throw new Error('not-acceptable');
      sent.push({ phone, text, messageId });
      return messageId;
    },
  };
  return { transport, sent, failing, calls: () => calls };
}

const rows = async (phone: string) => [
  ...(await f.sql<{ body: string; status: string; attempts: number; last_error: string | null; message_id: string | null }[]>`
    SELECT body, status, attempts, last_error, message_id FROM wa_messages WHERE direction = 'out' AND phone_e164 = ${phone} ORDER BY id`),
];

describe('outbound sender', () => {
  test('channel down → messages wait; channel up → all sent once, in order per user', async () => {
    const a = '+919811000001';
    const b = '+919811000002';
    const userA = await seedUser(f.sql, { phone: a });
    const userB = await seedUser(f.sql, { phone: b });
    for (let i = 1; i <= 3; i++) {
      await enqueueWaMessage(f.sql, { phoneE164: a, body: `a${i}`, kind: 'reply', userId: userA });
      await enqueueWaMessage(f.sql, { phoneE164: b, body: `b${i}`, kind: 'coach', userId: userB });
    }
    const { transport, sent } = fakeTransport();
    const sender = outboundSender(ctx, transport);

    await sender.tickNow();
    expect(sent).toEqual([]);
    expect((await rows(a)).map((r) => [r.status, r.attempts])).toEqual([['pending', 0], ['pending', 0], ['pending', 0]]);

    transport.up = true;
    await sender.tickNow();
    await sender.tickNow();
    expect(sent.filter((s) => s.phone === a).map((s) => s.text)).toEqual(['a1', 'a2', 'a3']);
    expect(sent.filter((s) => s.phone === b).map((s) => s.text)).toEqual(['b1', 'b2', 'b3']);
    expect(sent).toHaveLength(6);
    for (const row of [...(await rows(a)), ...(await rows(b))]) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
      expect(row.message_id).toMatch(/^3EB0[0-9A-F]{18}$/);
    }
    expect(new Set(sent.map((s) => s.messageId)).size).toBe(6);
  });

  test('a message whose send is retried goes out under the same WhatsApp message id every time', async () => {
    const phone = '+919811000008';
    const userId = await seedUser(f.sql, { phone });
    await enqueueWaMessage(f.sql, { phoneE164: phone, body: 'once on the phone', kind: 'reply', userId });
    const { transport, sent } = fakeTransport();
    transport.up = true;
    // WhatsApp took the message but the acknowledgement was lost (the socket dropped, or the process died before recording it)
    let lostAcks = 1;
    const send = transport.send;
    transport.send = async (p, t, m) => {
      const id = await send(p, t, m);
      if (lostAcks-- > 0) throw new Error('connection closed before the ack');
      return id;
    };
    const sender = outboundSender(ctx, transport, { retryBaseMs: 50, retryMaxMs: 50 });
    await waitFor('the message to be recorded as sent', async () => {
      await sender.tickNow();
      return (await rows(phone))[0]?.status === 'sent';
    });
    expect(sent.map((s) => s.text)).toEqual(['once on the phone', 'once on the phone']);
    expect(sent[1]!.messageId).toBe(sent[0]!.messageId);
    expect((await rows(phone))[0]).toMatchObject({ status: 'sent', attempts: 2, message_id: sent[0]!.messageId });
  });

  test('a send error is retried with backoff, then fails visibly; the next message waits its turn', async () => {
    const phone = '+919811000003';
    const userId = await seedUser(f.sql, { phone });
    await enqueueWaMessage(f.sql, { phoneE164: phone, body: 'first', kind: 'reply', userId });
    await enqueueWaMessage(f.sql, { phoneE164: phone, body: 'second', kind: 'reply', userId });
    const { transport, sent, failing, calls } = fakeTransport();
    transport.up = true;
    failing.add(phone);
    const sender = outboundSender(ctx, transport, { retryBaseMs: 300, retryMaxMs: 300 });

    await sender.tickNow();
    expect(await rows(phone)).toEqual([
      expect.objectContaining({ body: 'first', status: 'pending', attempts: 1, last_error: 'not-acceptable' }),
      expect.objectContaining({ body: 'second', status: 'pending', attempts: 0 }),
    ]);
    // "second" is not tried while "first" is waiting for its retry
    expect(calls()).toBe(1);

    await waitFor('the first message to fail for good', async () => {
      await sender.tickNow();
      return (await rows(phone))[0]?.status === 'failed';
    });
    expect((await rows(phone))[0]).toMatchObject({ status: 'failed', attempts: 3, last_error: 'not-acceptable' });

    failing.delete(phone);
    await waitFor('the second message to go out', async () => {
      await sender.tickNow();
      return sent.length > 0;
    });
    expect(sent.map((s) => s.text)).toEqual(['second']);
    expect((await rows(phone))[1]).toMatchObject({ status: 'sent' });
  });

  test('after "stop" alerts are dropped but replies and verification codes still go', async () => {
    const phone = '+919811000004';
    const userId = await seedUser(f.sql, { phone });
    await f.sql`UPDATE users SET wa_alerts_enabled = false WHERE id = ${userId}`;
    await enqueueWaMessage(f.sql, { phoneE164: phone, body: 'tip', kind: 'coach', userId });
    await enqueueWaMessage(f.sql, { phoneE164: phone, body: 'answer', kind: 'reply', userId });
    await enqueueWaMessage(f.sql, { phoneE164: phone, body: 'code', kind: 'verification', userId });
    await enqueueWaMessage(f.sql, { phoneE164: phone, body: 'expired', kind: 'session_invalid', userId });
    const { transport, sent } = fakeTransport();
    transport.up = true;
    await outboundSender(ctx, transport).tickNow();
    expect(sent.map((s) => s.text)).toEqual(['answer', 'code']);
    expect((await rows(phone)).map((r) => [r.body, r.status])).toEqual([
      ['tip', 'ignored'],
      ['answer', 'sent'],
      ['code', 'sent'],
      ['expired', 'ignored'],
    ]);
  });

  test('the channel dropping mid-batch releases the rest without spending attempts', async () => {
    const phone = '+919811000005';
    const userId = await seedUser(f.sql, { phone });
    const other = '+919811000006';
    const otherId = await seedUser(f.sql, { phone: other });
    await enqueueWaMessage(f.sql, { phoneE164: phone, body: 'x', kind: 'reply', userId });
    await enqueueWaMessage(f.sql, { phoneE164: other, body: 'y', kind: 'reply', userId: otherId });
    const { transport, sent } = fakeTransport();
    transport.up = true;
    const send = transport.send;
    transport.send = async (p, t, m) => {
      const id = await send(p, t, m);
      transport.up = false;
      return id;
    };
    const sender = outboundSender(ctx, transport);
    await sender.tickNow();
    expect(sent.map((s) => s.text)).toEqual(['x']);
    expect(await rows(other)).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);
    transport.up = true;
    await sender.tickNow();
    expect(sent.map((s) => s.text)).toEqual(['x', 'y']);
  });

  test('sends are spaced by WA_SEND_INTERVAL_MS', async () => {
    const phone = '+919811000007';
    const userId = await seedUser(f.sql, { phone });
    for (const body of ['1', '2', '3']) await enqueueWaMessage(f.sql, { phoneE164: phone, body, kind: 'reply', userId });
    const { transport, sent } = fakeTransport();
    transport.up = true;
    const throttled = outboundSender({ ...ctx, config: { ...ctx.config, WA_SEND_INTERVAL_MS: 80 } }, transport);
    const started = Date.now();
    await throttled.tickNow();
    await throttled.tickNow();
    await throttled.tickNow();
    expect(sent).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});
