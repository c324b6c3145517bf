import makeWASocket, {
  type AuthenticationState,
  type BaileysEventEmitter,
  fetchLatestBaileysVersion,
  makeCacheableSignalKeyStore,
  type WAVersion,
} from '@whiskeysockets/baileys';
import type { Sql } from '#shared/db/create-sql.ts';
import type { Logger } from '#shared/logger.ts';

/** The part of a Baileys socket the channel uses; tests pass a fake with Baileys' own event buffer. */
export type ChannelSocket = {
  ev: Pick<BaileysEventEmitter, 'on'>;
  /** our own ids once logged in */
  readonly user: { id: string; lid?: string | undefined } | undefined;
  /** sends under our message id (WhatsApp dedupes by it); resolves with the id of the sent message */
  sendText(jid: string, text: string, messageId: string): Promise<string | undefined>;
  requestPairingCode(phoneDigits: string): Promise<string>;
  lidToPn(lid: string): Promise<string | null>;
  end(error: Error | undefined): void;
};

export type SocketFactory = (auth: AuthenticationState, log: Logger) => Promise<ChannelSocket>;

/**
 * A real Baileys v7 socket. The WhatsApp Web version is fetched (a stale built-in version is
 * refused by WhatsApp), falling back to the built-in one when offline. Signal keys go through
 * Baileys' cache so a burst of messages does not become a burst of queries. `getMessage` lets
 * Baileys re-encrypt a message we sent when the recipient's phone asks for a retry.
 */
export function baileysSocketFactory(sql: Sql): SocketFactory {
  let version: WAVersion | undefined;
  return async (auth, log) => {
    version ??= await fetchLatestBaileysVersion().then(
      (latest) => latest.version,
      () => undefined,
    );
    const logger = log.child({ component: 'baileys' }, { level: 'warn' });
    const sock = makeWASocket({
      auth: { creds: auth.creds, keys: makeCacheableSignalKeyStore(auth.keys, logger) },
      logger,
      ...(version === undefined ? {} : { version }),
      markOnlineOnConnect: false,
      syncFullHistory: false,
      getMessage: async (key) => {
        const [row] = await sql<{ body: string }[]>`
          SELECT body FROM wa_messages WHERE direction = 'out' AND message_id = ${key.id ?? ''}`;
        return row ? { conversation: row.body } : undefined;
      },
    });
    return {
      ev: sock.ev,
      get user() {
        return sock.user;
      },
      sendText: async (jid, text, messageId) => (await sock.sendMessage(jid, { text }, { messageId }))?.key.id ?? undefined,
      requestPairingCode: (phone) => sock.requestPairingCode(phone),
      lidToPn: (lid) => sock.signalRepository.lidMapping.getPNForLID(lid),
      end: (error) => sock.end(error),
    };
  };
}
