import type { ServerContext } from '#shared/context.ts';
import { conflict, HttpError, unprocessable } from '#shared/http/http-error.ts';
import { enqueueWaMessage } from '../outbox.ts';
import { renderVerificationCode } from '../replies.ts';
import { normalizePhone } from './normalize-phone.ts';
import { CODE_VALID_MINUTES, hashCode, newCode } from './phone-code.ts';

/** Codes a user may request per hour, and codes one number may receive per day (no SMS-bombing by proxy). */
const PER_USER_PER_HOUR = 3;
const PER_NUMBER_PER_DAY = 5;

export type CodeRequested = { phone_e164: string; expires_at: Date };

/**
 * Step 1 of linking: the dashboard sends the number, the bot sends it a 6-digit code on WhatsApp
 * (an outbound row of kind 'verification', which even "stop" does not silence). The number is
 * not the user's until the code comes back (verify-phone-code.ts); a new request replaces the
 * previous code.
 */
export async function requestPhoneCode(ctx: Pick<ServerContext, 'sql' | 'config' | 'log'>, userId: string, phone: string): Promise<CodeRequested> {
  const phoneE164 = normalizePhone(phone);
  if (!phoneE164) throw unprocessable('not a phone number; use +<country code><number>, e.g. +919876543210', 'phone');
  const code = newCode();
  const result = await ctx.sql.begin(async (tx) => {
    // serialises one user's requests, so two clicks cannot both pass the limit
    const [user] = await tx<{ phone_e164: string | null; phone_verified: boolean }[]>`
      SELECT phone_e164, phone_verified FROM users WHERE id = ${userId} FOR UPDATE`;
    if (user?.phone_verified && user.phone_e164 === phoneE164) throw conflict('this number is already linked to your account');
    const [counts] = await tx<{ by_user: number; by_number: number }[]>`
      SELECT count(*) FILTER (WHERE user_id = ${userId} AND created_at > now() - interval '1 hour')::int AS by_user,
             count(*) FILTER (WHERE phone_e164 = ${phoneE164} AND created_at > now() - interval '1 day')::int AS by_number
        FROM wa_messages
       WHERE kind = 'verification' AND dedupe_key LIKE 'phone-code:%'
         AND (user_id = ${userId} OR phone_e164 = ${phoneE164}) AND created_at > now() - interval '1 day'`;
    if ((counts?.by_user ?? 0) >= PER_USER_PER_HOUR || (counts?.by_number ?? 0) >= PER_NUMBER_PER_DAY) {
      throw new HttpError(429, 'rate_limited', 'too many codes requested; try again later');
    }
    const [row] = await tx<{ expires_at: Date }[]>`
      INSERT INTO phone_verifications (user_id, phone_e164, code_hash, attempts, expires_at)
      VALUES (${userId}, ${phoneE164}, ${hashCode(ctx.config.INTERNAL_SIGNING_SECRET, userId, phoneE164, code)}, 0,
              now() + ${CODE_VALID_MINUTES} * interval '1 minute')
      ON CONFLICT (user_id) DO UPDATE SET phone_e164 = EXCLUDED.phone_e164, code_hash = EXCLUDED.code_hash,
             attempts = 0, expires_at = EXCLUDED.expires_at, created_at = now()
      RETURNING expires_at`;
    await enqueueWaMessage(tx, {
      phoneE164,
      body: renderVerificationCode(code, CODE_VALID_MINUTES),
      kind: 'verification',
      userId,
      dedupeKey: `phone-code:${userId}:${crypto.randomUUID()}`,
    });
    return { phone_e164: phoneE164, expires_at: row!.expires_at };
  });
  // the code itself is never logged
  ctx.log.info({ user_id: userId }, 'phone verification code queued');
  return result;
}
