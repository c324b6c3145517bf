import type { BaileysEventEmitter, BaileysEventMap, WAMessage } from '@whiskeysockets/baileys';
import type { Logger } from '#shared/logger.ts';

/**
 * Wires Baileys' `messages.upsert` to the pipeline. Messages are handled one at a time, in the
 * order WhatsApp delivered them (a YES must not overtake the command it answers), across
 * events; one message failing (a database hiccup) is logged and does not stop the rest.
 * Both upsert types are handled: 'notify' (live) and 'append' (offline catch-up after a
 * reconnect) — gate 2 keeps the stale ones from running. Returns a function that resolves when
 * everything received so far has been handled.
 */
export function onMessagesUpsert(
  ev: Pick<BaileysEventEmitter, 'on'>,
  handle: (message: WAMessage) => Promise<unknown>,
  log: Logger,
): () => Promise<void> {
  let chain = Promise.resolve();
  ev.on('messages.upsert', ({ messages }: BaileysEventMap['messages.upsert']) => {
    for (const message of messages) {
      chain = chain.then(() =>
        handle(message).then(
          () => undefined,
          (err: unknown) => log.error({ err, wa_message_id: message.key.id }, 'whatsapp message not handled'),
        ),
      );
    }
  });
  return () => chain;
}
