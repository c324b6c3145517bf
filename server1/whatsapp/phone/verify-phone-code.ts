import type { ServerContext } from '#shared/context.ts';
import { HttpError, notFound, unprocessable } from '#shared/http/http-error.ts';
import { enqueueWaMessage } from '../outbox.ts';
import { renderPhoneLinked } from '../replies.ts';
import { hashCode, MAX_CODE_ATTEMPTS, sameHash } from './phone-code.ts';

export type PhoneLinked = { phone_e164: string; phone_verified: true };

/**
 * Step 2 of linking: the code the user typed. Right → the number becomes theirs, verified (and
 * leaves any other account that had it: whoever proves possession of a number owns it, as
 * numbers get recycled); wrong → one attempt spent; after MAX_CODE_ATTEMPTS wrong tries or
 * after expiry the code is gone and a new one must be requested.
 */
export async function verifyPhoneCode(ctx: Pick<ServerContext, 'sql' | 'config' | 'log'>, userId: string, code: string): Promise<PhoneLinked> {
  const outcome = await ctx.sql.begin(async (tx) => {
    const [pending] = await tx<{ phone_e164: string; code_hash: string; attempts: number; expired: boolean }[]>`
      SELECT phone_e164, code_hash, attempts, expires_at <= now() AS expired
        FROM phone_verifications WHERE user_id = ${userId} FOR UPDATE`;
    if (!pending) return { error: notFound('no code was requested; request one first') };
    if (pending.expired) {
      await tx`DELETE FROM phone_verifications WHERE user_id = ${userId}`;
      return { error: new HttpError(410, 'code_expired', 'the code expired; request a new one') };
    }
    if (!sameHash(pending.code_hash, hashCode(ctx.config.INTERNAL_SIGNING_SECRET, userId, pending.phone_e164, code))) {
      const attempts = pending.attempts + 1;
      if (attempts >= MAX_CODE_ATTEMPTS) {
        await tx`DELETE FROM phone_verifications WHERE user_id = ${userId}`;
        return { error: new HttpError(429, 'too_many_attempts', 'too many wrong codes; request a new one') };
      }
      // committed with the error: a wrong guess must cost an attempt
      await tx`UPDATE phone_verifications SET attempts = ${attempts} WHERE user_id = ${userId}`;
      return { error: unprocessable(`wrong code; ${MAX_CODE_ATTEMPTS - attempts} attempts left`, 'code') };
    }
    await tx`
      UPDATE users SET phone_e164 = NULL, phone_verified = false, updated_at = now()
       WHERE phone_e164 = ${pending.phone_e164} AND id <> ${userId}`;
    await tx`
      UPDATE users SET phone_e164 = ${pending.phone_e164}, phone_verified = true, updated_at = now() WHERE id = ${userId}`;
    await tx`DELETE FROM phone_verifications WHERE user_id = ${userId}`;
    await enqueueWaMessage(tx, { phoneE164: pending.phone_e164, body: renderPhoneLinked(), kind: 'verification', userId });
    return { linked: { phone_e164: pending.phone_e164, phone_verified: true as const } };
  });
  if ('error' in outcome) throw outcome.error;
  ctx.log.info({ user_id: userId }, 'phone number verified');
  return outcome.linked;
}
