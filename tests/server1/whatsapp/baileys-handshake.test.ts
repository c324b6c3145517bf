import { afterEach, describe, expect, test } from 'bun:test';
import makeWASocket, {
  DEFAULT_ORIGIN,
  DisconnectReason,
  NOISE_WA_HEADER,
  proto,
  type ConnectionState,
} from '@whiskeysockets/baileys';
import type { Server } from 'bun';
import pino from 'pino';
import { memoryAuthState } from './memory-auth-state.ts';

/**
 * Proof that Baileys v7 runs its WebSocket on Bun's `ws` shim under the
 * pinned Bun: a local server stands in for web.whatsapp.com (Baileys'
 * `waWebSocketUrl` option) and checks what arrives. The real server would
 * answer the ClientHello with a ServerHello signed by WhatsApp's certificate,
 * which a test cannot forge; the client's half of the handshake is what
 * depends on the runtime, and that is what these tests cover.
 */

type WaSocket = ReturnType<typeof makeWASocket>;

type FakeWhatsApp = {
  url: string;
  /** the first binary frame the client sent */
  firstFrame: Promise<Uint8Array>;
  /** the origin header of the upgrade request */
  origin: Promise<string | null>;
  /** the server saw the client close the socket */
  closed: Promise<void>;
  stop(): void;
};

type Behaviour = 'listen' | 'hang-up-after-hello' | 'refuse-upgrade';

function fakeWhatsApp(behaviour: Behaviour): FakeWhatsApp {
  const firstFrame = Promise.withResolvers<Uint8Array>();
  const origin = Promise.withResolvers<string | null>();
  const closed = Promise.withResolvers<void>();
  const server: Server<undefined> = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch(request, srv) {
      origin.resolve(request.headers.get('origin'));
      if (behaviour === 'refuse-upgrade') return new Response('forbidden', { status: 403 });
      return srv.upgrade(request) ? undefined : new Response('expected a websocket', { status: 400 });
    },
    websocket: {
      message(ws, data) {
        if (typeof data === 'string') return;
        firstFrame.resolve(new Uint8Array(data));
        if (behaviour === 'hang-up-after-hello') ws.close(1000, 'bye');
      },
      close() {
        closed.resolve();
      },
    },
  });
  return {
    url: `ws://127.0.0.1:${server.port}/ws/chat`,
    firstFrame: firstFrame.promise,
    origin: origin.promise,
    closed: closed.promise,
    stop: () => void server.stop(true),
  };
}

function connect(url: string, connectTimeoutMs = 5_000): { sock: WaSocket; updates: Partial<ConnectionState>[] } {
  const sock = makeWASocket({
    waWebSocketUrl: url,
    auth: memoryAuthState(),
    logger: pino({ level: 'silent' }),
    printQRInTerminal: false,
    connectTimeoutMs,
    markOnlineOnConnect: false,
  });
  const updates: Partial<ConnectionState>[] = [];
  sock.ev.on('connection.update', (update) => void updates.push(update));
  return { sock, updates };
}

/** Resolves with the `connection: 'close'` update; Baileys emits it exactly once per socket. */
function closeUpdate(sock: WaSocket): Promise<Partial<ConnectionState>> {
  return new Promise((resolve) => {
    sock.ev.on('connection.update', (update) => {
      if (update.connection === 'close') resolve(update);
    });
  });
}

function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    Bun.sleep(ms).then(() => Promise.reject(new Error(`timed out after ${ms} ms waiting for ${what}`))),
  ]);
}

const statusCodeOf = (update: Partial<ConnectionState>): unknown =>
  (update.lastDisconnect?.error as { output?: { statusCode?: number } } | undefined)?.output?.statusCode;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('Baileys v7 handshake under Bun', () => {
  test('the client opens the socket and sends the Noise intro + ClientHello', async () => {
    const wa = fakeWhatsApp('listen');
    const { sock, updates } = connect(wa.url);
    cleanups.push(() => sock.end(undefined), wa.stop);
    // Bun's ws shim used to warn and drop `upgrade`; Baileys subscribes to it.
    const upgraded = new Promise<number | undefined>((resolve) =>
      sock.ws.on('upgrade', (response: { statusCode?: number }) => resolve(response.statusCode)),
    );

    const frame = await within(5_000, 'the first frame', wa.firstFrame);
    expect(await wa.origin).toBe(DEFAULT_ORIGIN);
    expect(await within(1_000, 'the upgrade event', upgraded)).toBe(101);

    // "WA", protocol 6, dictionary version, then a 3-byte big-endian length.
    expect([...frame.subarray(0, 4)]).toEqual([...NOISE_WA_HEADER]);
    expect([frame[0], frame[1]]).toEqual([0x57, 0x41]);
    const length = ((frame[4] ?? 0) << 16) | ((frame[5] ?? 0) << 8) | (frame[6] ?? 0);
    const body = frame.subarray(7);
    expect(body.length).toBe(length);
    const hello = proto.HandshakeMessage.decode(body);
    expect(hello.clientHello?.ephemeral?.length).toBe(32);
    expect(hello.serverHello).toBeFalsy();
    expect(hello.clientFinish).toBeFalsy();

    expect(updates[0]).toMatchObject({ connection: 'connecting' });

    const closing = closeUpdate(sock);
    await sock.end(undefined);
    expect(await within(2_000, 'the close update', closing)).toMatchObject({ connection: 'close' });
    await within(2_000, 'the server to see the close', wa.closed);
  });

  test('a server hang-up surfaces as connection close / connectionClosed (428)', async () => {
    const wa = fakeWhatsApp('hang-up-after-hello');
    const { sock } = connect(wa.url);
    cleanups.push(() => sock.end(undefined), wa.stop);
    const closing = closeUpdate(sock);

    await within(5_000, 'the first frame', wa.firstFrame);
    const update = await within(5_000, 'the close update', closing);
    expect(update.connection).toBe('close');
    expect(statusCodeOf(update)).toBe(DisconnectReason.connectionClosed);
  });

  // Like Node's ws, a refused upgrade is handed to the 'unexpected-response'
  // listener Baileys registers, and nothing aborts it: the socket only fails
  // when connectTimeoutMs runs out. Reconnect logic must treat 408 as retryable.
  test('a refused upgrade fires unexpected-response and closes with timedOut (408) after connectTimeoutMs', async () => {
    const wa = fakeWhatsApp('refuse-upgrade');
    const { sock } = connect(wa.url, 500);
    cleanups.push(() => sock.end(undefined), wa.stop);
    const refused = new Promise<number | undefined>((resolve) =>
      sock.ws.on('unexpected-response', (_request: unknown, response: { statusCode?: number }) =>
        resolve(response.statusCode),
      ),
    );
    const closing = closeUpdate(sock);

    expect(await within(3_000, 'unexpected-response', refused)).toBe(403);
    const update = await within(3_000, 'the close update', closing);
    expect(statusCodeOf(update)).toBe(DisconnectReason.timedOut);
  });
});
