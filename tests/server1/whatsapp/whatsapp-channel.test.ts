import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import { type AuthenticationState, makeEventBuffer } from '@whiskeysockets/baileys';
import pino from 'pino';
import type { BackgroundTask } from '#shared/boot/background-task.ts';
import type { ServerContext } from '#shared/context.ts';
import { createSql, type Sql } from '#shared/db/create-sql.ts';
import type { ChannelSocket, SocketFactory } from '../../../server1/whatsapp/baileys-socket.ts';
import { tryChannelLock } from '../../../server1/whatsapp/channel-lock.ts';
import { enqueueWaMessage } from '../../../server1/whatsapp/outbox.ts';
import { whatsappChannel } from '../../../server1/whatsapp/whatsapp-channel.ts';
import { testConfig } from '../../support/test-config.ts';
import { waitFor } from '../../support/wait-for.ts';
import { createWaFixture, seedUser, textFrom, type WaFixture } from './wa-fixture.ts';

/**
 * The socket owner with a fake socket (Baileys' own event buffer as `ev`): advisory lock and
 * standby, state reports, outbound through the holder, reconnect on 408, stop on logout.
 */

type FakeSocket = ChannelSocket & {
  auth: AuthenticationState;
  sent: { jid: string; text: string; messageId: string }[];
  pairingRequests: string[];
  emit: ReturnType<typeof makeEventBuffer>['emit'];
  open(): void;
  close(statusCode: number): void;
};

function fakeSockets() {
  const sockets: FakeSocket[] = [];
  const factory: SocketFactory = async (auth) => {
    const ev = makeEventBuffer(pino({ level: 'silent' }));
    const close = (error: Error | undefined) =>
      ev.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date() } });
    const socket: FakeSocket = {
      auth,
      ev,
      emit: ev.emit.bind(ev),
      user: { id: '911111111111:7@s.whatsapp.net' },
      sent: [],
      pairingRequests: [],
      async sendText(jid, text, messageId) {
        socket.sent.push({ jid, text, messageId });
        return messageId;
      },
      async requestPairingCode(phone) {
        socket.pairingRequests.push(phone);
        return 'ABCD1234';
      },
      lidToPn: async () => null,
      end: (error) => close(error ?? Object.assign(new Error('Connection Closed'), { output: { statusCode: 428 } })),
      open: () => ev.emit('connection.update', { connection: 'open' }),
      close: (statusCode) => close(Object.assign(new Error(`closed ${statusCode}`), { output: { statusCode } })),
    };
    sockets.push(socket);
    return socket;
  };
  return { factory, sockets };
}

let f: WaFixture;
const pools: Sql[] = [];
const tasks: BackgroundTask[] = [];

function channel(instanceId: string, factory: SocketFactory, overrides: Record<string, string> = {}) {
  const sql = createSql(f.db.url, { max: 4 });
  pools.push(sql);
  const ctx: ServerContext = {
    sql,
    log: pino({ level: 'silent' }),
    config: testConfig({ DATABASE_URL: f.db.url, WA_LOCK_RETRY_MS: '100', WA_SEND_INTERVAL_MS: '0', WA_OUTBOX_POLL_MS: '100', ...overrides }),
    instanceId,
    embedded: false,
  };
  const task = whatsappChannel({ ctx, engine: { fireQueued: () => undefined } }, { socketFactory: factory, reconnect: { baseMs: 20, maxMs: 50 }, lockCheckMs: 100 });
  tasks.push(task);
  return task;
}

const channelState = async () =>
  (await f.sql<{ state: string; holder: string | null; last_error: string | null }[]>`SELECT state, holder, last_error FROM wa_channel_state`)[0];

beforeAll(async () => {
  f = await createWaFixture();
});
beforeEach(async () => {
  await f.sql`UPDATE wa_channel_state SET state = 'down', holder = NULL, last_error = NULL, updated_at = now()`;
  await f.sql`DELETE FROM wa_messages`;
});
afterEach(async () => {
  for (const task of tasks.splice(0)) await task.stop();
  for (const sql of pools.splice(0)) await sql.end({ timeout: 5 });
});
afterAll(() => f.close());

describe('whatsapp channel', () => {
  test('one instance holds the socket, the other stands by and takes over when it stops', async () => {
    const a = fakeSockets();
    const b = fakeSockets();
    const first = channel('instance-a', a.factory);
    await first.start();
    await waitFor('instance a to connect', () => a.sockets.length === 1);
    await channel('instance-b', b.factory).start();
    await Bun.sleep(400);
    expect(b.sockets).toHaveLength(0);

    a.sockets[0]!.open();
    await waitFor('state up', async () => (await channelState())?.state === 'up');
    expect((await channelState())?.holder).toBe('instance-a');

    await first.stop();
    await waitFor('instance b to take over', () => b.sockets.length === 1);
    b.sockets[0]!.open();
    await waitFor('b to report up', async () => (await channelState())?.holder === 'instance-b' && (await channelState())?.state === 'up');
  });

  test('outbound waits while the socket is connecting and goes out through it once open', async () => {
    const { factory, sockets } = fakeSockets();
    const phone = '+919833000001';
    const userId = await seedUser(f.sql, { phone });
    await enqueueWaMessage(f.sql, { phoneE164: phone, body: 'hello', kind: 'reply', userId });
    await channel('instance-c', factory).start();
    await waitFor('connect', () => sockets.length === 1);
    await Bun.sleep(300);
    expect(sockets[0]!.sent).toEqual([]);
    sockets[0]!.open();
    await waitFor('the queued message to go out', () => sockets[0]!.sent.length === 1);
    expect(sockets[0]!.sent).toEqual([{ jid: '919833000001@s.whatsapp.net', text: 'hello', messageId: expect.stringMatching(/^3EB0[0-9A-F]{18}$/) }]);
    const [row] = await f.sql<{ message_id: string }[]>`SELECT message_id FROM wa_messages WHERE direction = 'out' AND phone_e164 = ${phone}`;
    expect(row?.message_id).toBe(sockets[0]!.sent[0]!.messageId);
  });

  test('an incoming command on the socket is answered through the same socket', async () => {
    const { factory, sockets } = fakeSockets();
    const phone = '+919833000002';
    await seedUser(f.sql, { phone });
    await channel('instance-d', factory).start();
    await waitFor('connect', () => sockets.length === 1);
    const socket = sockets[0]!;
    socket.open();
    await waitFor('state up', async () => (await channelState())?.state === 'up');
    socket.emit('messages.upsert', { type: 'notify', messages: [textFrom(phone, 'help')] });
    await waitFor('the reply', () => socket.sent.length === 1);
    expect(socket.sent[0]?.text).toStartWith('*Talvix commands*');
  });

  test('a 408 close reconnects; a logout stops, clears the keys, tells operators, and standbys do not re-pair', async () => {
    const { factory, sockets } = fakeSockets();
    const standby = fakeSockets();
    await channel('instance-e', factory).start();
    await waitFor('connect', () => sockets.length === 1);
    await channel('instance-f', standby.factory).start();

    sockets[0]!.close(408);
    await waitFor('a reconnect', () => sockets.length === 2);
    expect((await channelState())?.last_error).toContain('408');

    await f.sql`INSERT INTO wa_auth_state (key, value) VALUES ('creds', '{}') ON CONFLICT (key) DO NOTHING`;
    sockets[1]!.close(401);
    await waitFor('logged out', async () => (await channelState())?.state === 'logged_out');
    await waitFor('keys cleared', async () => (await f.sql`SELECT 1 FROM wa_auth_state`).length === 0);
    const notes = await f.sql`SELECT audience, kind FROM notifications WHERE kind = 'wa_logged_out'`;
    expect([...notes]).toEqual([{ audience: 'operator', kind: 'wa_logged_out' }]);

    await Bun.sleep(500);
    expect(sockets).toHaveLength(2);
    expect(standby.sockets).toHaveLength(0);
    // nobody holds the lock any more
    const lock = await tryChannelLock(f.sql);
    expect(lock).toBeDefined();
    await lock?.release();
  });

  test('with WA_PAIRING_PHONE a QR event requests a pairing code instead', async () => {
    const { factory, sockets } = fakeSockets();
    await channel('instance-g', factory, { WA_PAIRING_PHONE: '911111111111' }).start();
    await waitFor('connect', () => sockets.length === 1);
    sockets[0]!.emit('connection.update', { qr: 'ref,noise,identity,adv' });
    sockets[0]!.emit('connection.update', { qr: 'ref2,noise,identity,adv' });
    await waitFor('pairing state', async () => (await channelState())?.state === 'pairing');
    expect(sockets[0]!.pairingRequests).toEqual(['911111111111']);
  });
});
