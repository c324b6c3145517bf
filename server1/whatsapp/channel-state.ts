import type { Sql } from '#shared/db/create-sql.ts';

export type ChannelStateName = 'down' | 'connecting' | 'pairing' | 'up' | 'logged_out';

/**
 * The socket holder's report in wa_channel_state (one row), for operators and standbys. An
 * error is kept until the next error, so "last error" survives a successful reconnect.
 */
export async function reportChannelState(sql: Sql, state: ChannelStateName, holder: string, error?: string): Promise<void> {
  await sql`
    UPDATE wa_channel_state SET
      state = ${state}, holder = ${holder}, updated_at = now(),
      connected_at = CASE WHEN ${state} = 'up' THEN now() ELSE connected_at END,
      last_error = coalesce(${error ?? null}, last_error),
      last_error_at = CASE WHEN ${error ?? null}::text IS NULL THEN last_error_at ELSE now() END`;
}

/** True when the channel was logged out after `since`: a standby must not re-pair on its own. */
export async function loggedOutSince(sql: Sql, since: Date): Promise<boolean> {
  const [row] = await sql<{ yes: boolean }[]>`
    SELECT state = 'logged_out' AND updated_at > ${since} AS yes FROM wa_channel_state`;
  return row?.yes === true;
}
