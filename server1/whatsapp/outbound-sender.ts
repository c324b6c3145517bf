import { retryDelayMs } from '#shared/agents/retry-delay.ts';
import { type BackgroundTask, intervalTask } from '#shared/boot/background-task.ts';
import type { ServerContext } from '#shared/context.ts';
import { ALWAYS_SENT_KINDS } from './outbox.ts';

/** How the sender reaches WhatsApp: the Baileys socket in production, a fake in tests. */
export type SendTransport = {
  /** true while the socket is open and logged in; nothing is claimed while it is false */
  isUp(): boolean;
  /**
   * sends one text message under `messageId`; resolves with the id WhatsApp acknowledged. The
   * same row always goes out under the same id, so a re-send after a lost acknowledgement or a
   * crash before the row was marked sent is one message on the phone, not two.
   */
  send(phoneE164: string, text: string, messageId: string): Promise<string | undefined>;
};

export type OutboundSenderOptions = {
  /** first retry waits about this long, each next one twice as long */
  retryBaseMs?: number;
  retryMaxMs?: number;
};

type Claimed = { id: string; user_id: string | null; phone_e164: string; body: string; attempts: number; message_id: string };

/** A send that hangs keeps its claim this long; then the message is due again. */
const SEND_LEASE_MS = 60_000;
const BATCH = 50;

/**
 * Drains the outbound queue (pending `wa_messages` rows) through the socket: only the oldest
 * pending message of each number is eligible, so a user's messages go out in order even when
 * one of them is waiting to be retried; sends are spaced by WA_SEND_INTERVAL_MS (WhatsApp bans
 * bursty senders); a failed send is retried with backoff and after WA_SEND_MAX_ATTEMPTS
 * becomes 'failed' with its error. While the channel is down nothing is claimed: the rows
 * wait, with their attempts untouched.
 */
export function outboundSender(
  ctx: ServerContext,
  transport: SendTransport,
  options: OutboundSenderOptions = {},
): BackgroundTask & { tickNow(): Promise<void> } {
  const { sql, config } = ctx;
  const log = ctx.log.child({ component: 'wa-outbox' });
  const retryBaseMs = options.retryBaseMs ?? 5_000;
  const retryMaxMs = options.retryMaxMs ?? 10 * 60_000;
  let lastSendAt = 0;

  const throttle = async () => {
    const wait = lastSendAt + config.WA_SEND_INTERVAL_MS - Date.now();
    if (wait > 0) await Bun.sleep(wait);
    lastSendAt = Date.now();
  };

  /**
   * The WhatsApp message id is chosen when a row is first claimed and committed before the send
   * (Baileys' own shape: 3EB0 and 18 hex digits).
   */
  const claim = async (): Promise<Claimed[]> => {
    const rows = await sql<Claimed[]>`
      UPDATE wa_messages
         SET next_attempt_at = now() + ${SEND_LEASE_MS} * interval '1 millisecond',
             message_id = coalesce(message_id, '3EB0' || upper(left(replace(gen_random_uuid()::text, '-', ''), 18)))
       WHERE id IN (
         SELECT m.id FROM wa_messages m
          WHERE m.direction = 'out' AND m.status = 'pending' AND m.next_attempt_at <= now()
            AND NOT EXISTS (
              SELECT 1 FROM wa_messages e
               WHERE e.direction = 'out' AND e.status = 'pending' AND e.phone_e164 = m.phone_e164 AND e.id < m.id)
          ORDER BY m.id
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED)
      RETURNING id, user_id, phone_e164, body, attempts, message_id`;
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  };

  /** Alerts to users who said "stop" are dropped (kept as 'ignored' rows, for the record). */
  const dropStoppedAlerts = () => sql`
    UPDATE wa_messages m SET status = 'ignored', outcome = 'alerts_stopped'
      FROM users u
     WHERE m.user_id = u.id AND NOT u.wa_alerts_enabled
       AND m.direction = 'out' AND m.status = 'pending'
       AND coalesce(m.kind, '') <> ALL (${[...ALWAYS_SENT_KINDS]}::text[])`;

  /** Claimed but not tried because the channel went down: due again at once, no attempt spent. */
  const release = (ids: string[]) => sql`UPDATE wa_messages SET next_attempt_at = now() WHERE id = ANY (${ids}::bigint[])`;

  const sendOne = async (message: Claimed) => {
    const msgLog = log.child({ user_id: message.user_id, wa_message_id: message.id });
    try {
      const waId = await transport.send(message.phone_e164, message.body, message.message_id);
      await sql`
        UPDATE wa_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1, message_id = ${waId ?? message.message_id}, last_error = NULL
         WHERE id = ${message.id}`;
      msgLog.info('whatsapp message sent');
    } catch (err) {
      const attempts = message.attempts + 1;
      const error = err instanceof Error ? err.message : String(err);
      if (attempts >= config.WA_SEND_MAX_ATTEMPTS) {
        await sql`UPDATE wa_messages SET status = 'failed', attempts = ${attempts}, last_error = ${error} WHERE id = ${message.id}`;
        msgLog.error({ err, attempts }, 'whatsapp message failed for good');
      } else {
        const delay = retryDelayMs(attempts, retryBaseMs, retryMaxMs);
        await sql`
          UPDATE wa_messages SET attempts = ${attempts}, last_error = ${error},
                 next_attempt_at = now() + ${delay} * interval '1 millisecond'
           WHERE id = ${message.id}`;
        msgLog.warn({ err, attempts, retry_in_ms: delay }, 'whatsapp send failed, will retry');
      }
    }
  };

  const tick = async () => {
    if (!transport.isUp()) return;
    await dropStoppedAlerts();
    for (;;) {
      const batch = await claim();
      if (batch.length === 0) return;
      for (const [i, message] of batch.entries()) {
        await throttle();
        if (!transport.isUp()) {
          await release(batch.slice(i).map((m) => m.id));
          return;
        }
        await sendOne(message);
      }
    }
  };

  return intervalTask('wa-outbox', config.WA_OUTBOX_POLL_MS, tick, (err) => log.warn({ err }, 'outbound queue tick failed'));
}
