import type { ConnectionState } from '@whiskeysockets/baileys';
import qrcode from 'qrcode-terminal';
import type { RunEngine } from '#shared/agents/run-engine.ts';
import type { BackgroundTask } from '#shared/boot/background-task.ts';
import type { ServerContext } from '#shared/context.ts';
import { baileysSocketFactory, type ChannelSocket, type SocketFactory } from './baileys-socket.ts';
import { type ChannelLock, tryChannelLock } from './channel-lock.ts';
import { loggedOutSince, reportChannelState } from './channel-state.ts';
import { handleIncoming } from './handle-incoming.ts';
import { onMessagesUpsert } from './messages-upsert.ts';
import { notifyOperator } from './notify-operator.ts';
import { outboundSender, type SendTransport } from './outbound-sender.ts';
import { clearAuthState, usePostgresAuthState } from './postgres-auth-state.ts';
import { afterDisconnect, disconnectStatus, type ReconnectBackoff } from './reconnect-policy.ts';

export type WhatsAppChannelOptions = {
  /** the real Baileys socket unless a test passes a fake */
  socketFactory?: SocketFactory;
  reconnect?: ReconnectBackoff;
  /** how often the holder checks that its lock connection is still alive */
  lockCheckMs?: number;
};

/**
 * The WhatsApp socket as a background task of Server 1 (started only when WA_ENABLED).
 *
 * Every instance runs it; the one that wins the advisory lock owns the socket and the outbound
 * sender, the others stand by and retry the lock every WA_LOCK_RETRY_MS. The holder connects
 * with auth state from Postgres, prints the pairing QR (or requests a pairing code for
 * WA_PAIRING_PHONE), feeds `messages.upsert` into the pipeline, and reconnects with backoff on
 * every close but a logout. A logout marks the channel logged_out, clears the dead keys, tells
 * the operators and stops; standbys do not re-pair on their own (a restart pairs afresh).
 */
export function whatsappChannel(
  deps: { ctx: ServerContext; engine: Pick<RunEngine, 'fireQueued'> },
  options: WhatsAppChannelOptions = {},
): BackgroundTask {
  const { ctx } = deps;
  const { sql, config } = ctx;
  const log = ctx.log.child({ component: 'whatsapp' });
  const socketFactory = options.socketFactory ?? baileysSocketFactory(sql);
  const backoff = options.reconnect ?? { baseMs: 1_000, maxMs: 60_000 };
  const lockCheckMs = options.lockCheckMs ?? 10_000;
  const startedAt = new Date();

  let running = false;
  // read through a function: the flag changes in stop(), while a loop awaits
  const isRunning = () => running;
  let socket: ChannelSocket | undefined;
  let up = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const transport: SendTransport = {
    isUp: () => up && socket !== undefined,
    async send(phoneE164, text, messageId) {
      if (!socket) throw new Error('whatsapp socket is not connected');
      return socket.sendText(`${phoneE164.slice(1)}@s.whatsapp.net`, text, messageId);
    },
  };
  const sender = outboundSender(ctx, transport);

  /** Sleeps, but wakes early when the task is stopped. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** One socket's life: resolves with why it ended. */
  const connectOnce = async (): Promise<{ statusCode: number | undefined; error: string | undefined }> => {
    const { state, saveCreds } = await usePostgresAuthState(sql);
    await reportChannelState(sql, 'connecting', ctx.instanceId);
    // no await between creating the socket and subscribing: its first events must not be missed
    const sock = await socketFactory(state, log);
    socket = sock;
    let pairingRequested = false;
    const drained = onMessagesUpsert(
      sock.ev,
      (message) =>
        handleIncoming({ ctx, engine: deps.engine, onReplyQueued: () => void sender.tickNow() }, message, {
          ownJids: [sock.user?.id, sock.user?.lid].filter((jid): jid is string => jid !== undefined),
          lidToPn: (lid) => sock.lidToPn(lid),
        }),
      log,
    );
    sock.ev.on('creds.update', () => {
      saveCreds().catch((err: unknown) => log.error({ err }, 'saving whatsapp creds failed'));
    });
    return new Promise((resolve) => {
      sock.ev.on('connection.update', (update: Partial<ConnectionState>) => {
        if (update.qr) {
          if (config.WA_PAIRING_PHONE && !state.creds.registered) {
            if (!pairingRequested) {
              pairingRequested = true;
              sock
                .requestPairingCode(config.WA_PAIRING_PHONE)
                .then((code) => console.log(`WhatsApp pairing code for +${config.WA_PAIRING_PHONE}: ${code}`))
                .catch((err: unknown) => log.error({ err }, 'whatsapp pairing code request failed'));
            }
          } else {
            console.log('Scan this QR with WhatsApp → Linked devices to connect Talvix:');
            qrcode.generate(update.qr, { small: true });
          }
          void reportChannelState(sql, 'pairing', ctx.instanceId).catch(() => undefined);
        }
        if (update.connection === 'open') {
          up = true;
          log.info({ user: sock.user?.id }, 'whatsapp connected');
          void reportChannelState(sql, 'up', ctx.instanceId)
            .then(() => sender.tickNow())
            .catch((err: unknown) => log.warn({ err }, 'whatsapp state report failed'));
        }
        if (update.connection === 'close') {
          up = false;
          const error = update.lastDisconnect?.error;
          void drained().then(() => resolve({ statusCode: disconnectStatus(error), error: error?.message }));
        }
      });
    });
  };

  /** Holds the socket while this instance has the lock; false when the channel was logged out. */
  const hold = async (lock: ChannelLock): Promise<boolean> => {
    await sender.start();
    const lockCheck = setInterval(() => {
      void lock.alive().then((alive) => {
        if (alive || !socket) return;
        log.error('lost the whatsapp lock connection; closing the socket');
        socket.end(new Error('advisory lock lost'));
      });
    }, lockCheckMs);
    try {
      for (let attempt = 1; ; attempt++) {
        const closed = await connectOnce();
        socket = undefined;
        if (!(await lock.alive())) {
          await reportChannelState(sql, 'down', ctx.instanceId, 'advisory lock lost');
          return true;
        }
        const next = afterDisconnect(closed.statusCode, attempt, backoff);
        if (next.action === 'logged_out') {
          await loggedOut(closed.error);
          return false;
        }
        if (!isRunning()) {
          await reportChannelState(sql, 'down', ctx.instanceId);
          return true;
        }
        await reportChannelState(sql, 'down', ctx.instanceId, `closed with ${closed.statusCode ?? 'no status'}: ${closed.error ?? 'unknown'}`);
        log.warn({ status: closed.statusCode, retry_in_ms: next.delayMs, attempt }, 'whatsapp disconnected, reconnecting');
        await pause(next.delayMs);
        if (!isRunning()) return true;
      }
    } finally {
      clearInterval(lockCheck);
      await sender.stop();
    }
  };

  const loggedOut = async (error: string | undefined) => {
    log.error({ reason: error }, 'whatsapp logged out; channel stopped');
    await clearAuthState(sql);
    await notifyOperator(sql, {
      kind: 'wa_logged_out',
      title: 'WhatsApp channel logged out',
      body: 'The Talvix WhatsApp number was unlinked. Outbound messages are waiting. Restart Server 1 and pair again (QR or pairing code).',
      dedupeKey: `wa-logged-out:${new Date().toISOString()}`,
    });
    // last: a logged_out state means the operators were told
    await reportChannelState(sql, 'logged_out', ctx.instanceId, `logged out: ${error ?? 'unknown'}`);
  };

  const run = async () => {
    while (running) {
      const lock = await tryChannelLock(sql).catch((err: unknown) => {
        log.warn({ err }, 'whatsapp lock attempt failed');
        return undefined;
      });
      if (lock && (await loggedOutSince(sql, startedAt))) {
        // another instance was logged out while we stood by: re-pairing is the operator's call
        await lock.release();
        running = false;
        return;
      }
      if (lock) {
        log.info('holding the whatsapp socket');
        const keepGoing = await hold(lock).catch((err: unknown) => {
          log.error({ err }, 'whatsapp channel failed');
          return true;
        });
        await lock.release();
        if (!keepGoing) running = false;
      }
      if (running) await pause(config.WA_LOCK_RETRY_MS);
    }
  };

  return {
    name: 'whatsapp',
    async start() {
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      socket?.end(undefined);
      await loop;
    },
  };
}
