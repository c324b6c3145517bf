import type { Sql } from '#shared/db/create-sql.ts';

/** Advisory lock key of "the WhatsApp socket" (any fixed number no other lock uses). */
const WA_SOCKET_LOCK_KEY = 7_451_220_500;

export type ChannelLock = {
  /** false once the session holding the lock is gone (connection dropped: the lock went with it) */
  alive(): Promise<boolean>;
  release(): Promise<void>;
};

/**
 * Only one process may hold the socket: two sockets on one auth state corrupt the Signal
 * sessions ("Bad MAC"). A session-level advisory lock on a reserved connection is held for as
 * long as that connection lives, so a killed holder frees it by itself and a standby takes over.
 */
export async function tryChannelLock(sql: Sql): Promise<ChannelLock | undefined> {
  const connection = await sql.reserve();
  try {
    const [row] = await connection<{ locked: boolean }[]>`SELECT pg_try_advisory_lock(${WA_SOCKET_LOCK_KEY}) AS locked`;
    if (!row?.locked) {
      connection.release();
      return undefined;
    }
  } catch (err) {
    connection.release();
    throw err;
  }
  return {
    async alive() {
      try {
        const [row] = await connection<{ held: boolean }[]>`
          SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted) AS held`;
        return row?.held === true;
      } catch {
        return false;
      }
    },
    async release() {
      await connection`SELECT pg_advisory_unlock(${WA_SOCKET_LOCK_KEY})`.catch(() => undefined);
      connection.release();
    },
  };
}
