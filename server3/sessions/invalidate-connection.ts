import type { Sql, Tx } from '#shared/db/create-sql.ts'

/**
 * Marks a connection unusable. Only a valid row is changed, so one invalidation is one
 * invalidated_at, and the alert poller (pollers/alert-invalid-sessions.ts) announces it once.
 */
export async function invalidateConnection(db: Sql | Tx, connectionId: string, reason: string): Promise<boolean> {
  const rows = await db`
    UPDATE user_connections
       SET is_valid = FALSE, invalid_reason = ${reason.slice(0, 300)}, invalidated_at = now(), checked_at = now()
     WHERE id = ${connectionId} AND is_valid
    RETURNING id`
  return rows.length === 1
}
