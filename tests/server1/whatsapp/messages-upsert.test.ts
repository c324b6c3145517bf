import { afterAll, beforeAll, expect, test } from 'bun:test';
import { makeEventBuffer } from '@whiskeysockets/baileys';
import pino from 'pino';
import { handleIncoming } from '../../../server1/whatsapp/handle-incoming.ts';
import { onMessagesUpsert } from '../../../server1/whatsapp/messages-upsert.ts';
import { ME, ME_LID, received, text } from './baileys-messages.ts';
import { createWaFixture, outboundTo, seedUser, textFrom, type WaFixture } from './wa-fixture.ts';

/**
 * The socket's event emitter is Baileys' own (`makeEventBuffer`, what `sock.ev` is), wired
 * through the real upsert handler into the real pipeline: what a live socket would do.
 */

let f: WaFixture;
beforeAll(async () => {
  f = await createWaFixture();
});
afterAll(() => f.close());

test('messages.upsert from a Baileys event emitter reaches the pipeline, in order, ignoring groups and own messages', async () => {
  const phone = '+919822000001';
  const lidPhone = '+919822000002';
  await seedUser(f.sql, { phone, tier: 'pro' });
  await seedUser(f.sql, { phone: lidPhone });
  const ev = makeEventBuffer(pino({ level: 'silent' }));
  const handled: string[] = [];
  const drained = onMessagesUpsert(
    ev,
    async (message) => void handled.push(await handleIncoming(f.deps, message, { ownJids: [ME, ME_LID] })),
    pino({ level: 'silent' }),
  );
  const now = String(Math.floor(Date.now() / 1000));

  ev.emit('messages.upsert', {
    type: 'notify',
    messages: [
      textFrom(phone, 'pause'),
      received({ from: '120363000000000001@g.us', participant: `${phone.slice(1)}@s.whatsapp.net`, id: 'GROUP1', t: now }, text('stop')),
      received({ from: ME, recipient: `${phone.slice(1)}@s.whatsapp.net`, id: 'MINE1', t: now }, text('apply 1')),
    ],
  });
  // a LID sender (v7): the number comes from the sender_pn Baileys puts on key.remoteJidAlt
  ev.emit('messages.upsert', {
    type: 'notify',
    messages: [received({ from: '123456789012345@lid', sender_pn: `${lidPhone.slice(1)}@s.whatsapp.net`, id: 'LID1', t: now }, text('status'))],
  });
  ev.emit('messages.upsert', { type: 'notify', messages: [textFrom(phone, 'yes')] });
  await drained();

  expect(handled).toEqual(['asked:pause', 'ignored:group', 'ignored:own_message', 'executed:status', 'executed:pause']);
  const inbound = await f.sql`SELECT phone_e164, body, outcome FROM wa_messages WHERE direction = 'in' ORDER BY id`;
  expect([...inbound]).toEqual([
    { phone_e164: phone, body: 'pause', outcome: 'asked:pause' },
    { phone_e164: lidPhone, body: 'status', outcome: 'executed:status' },
    { phone_e164: phone, body: 'yes', outcome: 'executed:pause' },
  ]);
  expect(await outboundTo(f.sql, lidPhone)).toHaveLength(1);
});

test('one failing message is logged and does not stop the next', async () => {
  const ev = makeEventBuffer(pino({ level: 'silent' }));
  const seen: string[] = [];
  const drained = onMessagesUpsert(
    ev,
    async (message) => {
      seen.push(message.key.id ?? '');
      if (message.key.id === 'BOOM') throw new Error('database down');
    },
    pino({ level: 'silent' }),
  );
  ev.emit('messages.upsert', { type: 'notify', messages: [textFrom('+919822000003', 'x', { id: 'BOOM' }), textFrom('+919822000003', 'y', { id: 'NEXT' })] });
  await drained();
  expect(seen).toEqual(['BOOM', 'NEXT']);
});
