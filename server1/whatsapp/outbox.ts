import type { Sql, Tx } from '#shared/db/create-sql.ts';

/**
 * The outbound contract: every message to a user is a pending `wa_messages` row
 * (direction 'out'); the socket holder sends them in order per number (outbound-sender.ts).
 * Other parts of Talvix insert rows the same way (e.g. server3's session-invalid alert).
 *
 * `kind` decides whether "stop" silences it: replies to the user's own commands and phone
 * verification messages always go; every other kind ('coach', 'welcome', 'session_invalid',
 * 'apply_result', ...) is an alert and is dropped while the user has alerts off.
 */
export const ALWAYS_SENT_KINDS = ['reply', 'verification'] as const;

export type OutboundMessage = {
  phoneE164: string;
  body: string;
  kind: string;
  userId: string | null;
  /** a second enqueue with the same key is a no-op (one reply per inbound message, one code per request) */
  dedupeKey?: string;
};

/** Queues one outbound message; returns its row id, or null when the dedupe key was already used. */
export async function enqueueWaMessage(sql: Sql | Tx, message: OutboundMessage): Promise<number | null> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO wa_messages (direction, user_id, phone_e164, body, status, kind, dedupe_key)
    VALUES ('out', ${message.userId}, ${message.phoneE164}, ${message.body}, 'pending', ${message.kind}, ${message.dedupeKey ?? null})
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  return row ? Number(row.id) : null;
}
