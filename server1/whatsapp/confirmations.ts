import type { Tx } from '#shared/db/create-sql.ts';
import type { Action } from './commands/action.ts';

/** How long a "reply YES" question stays open. */
export const CONFIRM_MINUTES = 5;

/** Holds an action for the user's YES; a newer question replaces an older one. */
export async function askConfirmation(tx: Tx, userId: string, action: Action): Promise<void> {
  await tx`
    INSERT INTO wa_pending_confirmations (user_id, action, expires_at)
    VALUES (${userId}, ${tx.json(action as never)}, now() + ${CONFIRM_MINUTES} * interval '1 minute')
    ON CONFLICT (user_id) DO UPDATE SET action = EXCLUDED.action, expires_at = EXCLUDED.expires_at, created_at = now()`;
}

/**
 * The action a YES (or NO) answers, removed so it can be answered once; undefined when nothing
 * is waiting or the question expired (an expired one is removed too).
 */
export async function takeConfirmation(tx: Tx, userId: string): Promise<Action | undefined> {
  const [row] = await tx<{ action: Action; live: boolean }[]>`
    DELETE FROM wa_pending_confirmations WHERE user_id = ${userId}
    RETURNING action, expires_at > now() AS live`;
  return row?.live ? row.action : undefined;
}
