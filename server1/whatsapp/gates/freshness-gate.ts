import type { Tx } from '#shared/db/create-sql.ts';
import { renderSlowDown } from '../replies.ts';
import type { Rejection } from './gate-result.ts';

/** Older than this, a message is a replay (delivered late after a reconnect), not a request. */
export const MAX_MESSAGE_AGE_MS = 5 * 60_000;

export type FreshnessInput = {
  /** the message id was already stored: WhatsApp delivered it twice */
  duplicate: boolean;
  /** when WhatsApp says it was sent */
  sentAt: Date;
  now: Date;
  userId: string;
  /** YES/NO answers and help do not spend the command budget */
  countsAsCommand: boolean;
  limitPerHour: number;
};

export type FreshnessResult = { ok: true } | Rejection<'duplicate' | 'stale' | 'rate_limited'>;

/**
 * Gate 2: a message runs at most once, only while fresh, and within the user's hourly budget.
 * The budget is a fixed one-hour window per user (one row, updated atomically, so concurrent
 * messages cannot both slip under the limit); the first message over it gets one "slow down"
 * reply, the rest of the window is silent.
 */
export async function freshnessGate(tx: Tx, input: FreshnessInput): Promise<FreshnessResult> {
  if (input.duplicate) return { ok: false, reason: 'duplicate' };
  if (input.now.getTime() - input.sentAt.getTime() > MAX_MESSAGE_AGE_MS) return { ok: false, reason: 'stale' };
  if (!input.countsAsCommand) return { ok: true };

  const [budget] = await tx<{ commands: number; warned: boolean; window_started_at: Date }[]>`
    INSERT INTO wa_rate_limits AS r (user_id, window_started_at, commands)
    VALUES (${input.userId}, ${input.now}, 1)
    ON CONFLICT (user_id) DO UPDATE SET
      window_started_at = CASE WHEN r.window_started_at <= ${input.now}::timestamptz - interval '1 hour'
                               THEN EXCLUDED.window_started_at ELSE r.window_started_at END,
      commands = CASE WHEN r.window_started_at <= ${input.now}::timestamptz - interval '1 hour' THEN 1 ELSE r.commands + 1 END,
      warned = CASE WHEN r.window_started_at <= ${input.now}::timestamptz - interval '1 hour' THEN false ELSE r.warned END
    RETURNING commands, warned, window_started_at`;
  if (!budget || budget.commands <= input.limitPerHour) return { ok: true };
  if (budget.warned) return { ok: false, reason: 'rate_limited' };
  await tx`UPDATE wa_rate_limits SET warned = true WHERE user_id = ${input.userId}`;
  return {
    ok: false,
    reason: 'rate_limited',
    reply: {
      body: renderSlowDown(input.limitPerHour),
      dedupeKey: `slow-down:${input.userId}:${budget.window_started_at.getTime()}`,
    },
  };
}
