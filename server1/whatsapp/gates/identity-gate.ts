import type { Tx } from '#shared/db/create-sql.ts';
import { renderUnknownSender } from '../replies.ts';
import type { InboundMessage } from '../to-inbound-message.ts';
import { findVerifiedUser, type WaUser } from '../wa-user.ts';
import type { Rejection } from './gate-result.ts';

export type IdentityResult = { ok: true; user: WaUser } | Rejection<'unknown_sender'>;

/**
 * Gate 1: the sender's number (resolved from the JID, never the display name, which anyone can
 * set to anything) belongs to a user who proved it with a code. Anyone else gets one generic
 * reply per day (India time), which says nothing about any account, and nothing more.
 */
export async function identityGate(tx: Tx, inbound: Pick<InboundMessage, 'phoneE164'>, now: Date): Promise<IdentityResult> {
  const user = await findVerifiedUser(tx, inbound.phoneE164);
  if (user) return { ok: true, user };
  return {
    ok: false,
    reason: 'unknown_sender',
    reply: { body: renderUnknownSender(), dedupeKey: `unknown-sender:${inbound.phoneE164}:${istDate(now)}` },
  };
}

/** The calendar day in India (UTC+05:30): "once a day" means the user's day, not UTC's. */
function istDate(at: Date): string {
  return new Date(at.getTime() + 330 * 60_000).toISOString().slice(0, 10);
}
