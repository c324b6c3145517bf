import type { Tx } from '#shared/db/create-sql.ts'

/**
 * user_connections.is_valid = FALSE → one notification and one WhatsApp alert per invalidation
 * (not every day it stays invalid); alerted_at records that this invalidation was announced.
 */
export async function alertInvalidSessions(tx: Tx): Promise<number> {
  const connections = await tx<{ id: string; user_id: string; platform: string; invalidated_at: Date; reason: string | null }[]>`
    SELECT id, user_id, platform, invalidated_at, invalid_reason AS reason FROM user_connections
     WHERE NOT is_valid AND (alerted_at IS NULL OR alerted_at < invalidated_at)
     LIMIT 200
     FOR UPDATE SKIP LOCKED`
  for (const c of connections) {
    const dedupe = `session-invalid:${c.id}:${c.invalidated_at.getTime()}`
    const body = `Your ${c.platform} session has expired${c.reason ? ` (${c.reason})` : ''}. Reconnect it in Talvix to keep auto-apply running.`
    await tx`
      INSERT INTO notifications (user_id, kind, title, body, data, dedupe_key)
      VALUES (${c.user_id}, 'session_invalid', ${`Reconnect ${c.platform}`}, ${body},
              ${tx.json({ platform: c.platform })}, ${dedupe})
      ON CONFLICT (dedupe_key) DO NOTHING`
    await tx`
      INSERT INTO wa_messages (direction, user_id, phone_e164, body, status, kind, dedupe_key)
      SELECT 'out', u.id, u.phone_e164, ${body}, 'pending', 'session_invalid', ${dedupe}
        FROM users u
       WHERE u.id = ${c.user_id} AND u.phone_verified AND u.wa_alerts_enabled AND u.phone_e164 IS NOT NULL
      ON CONFLICT (dedupe_key) DO NOTHING`
    await tx`UPDATE user_connections SET alerted_at = now() WHERE id = ${c.id}`
  }
  return connections.length
}
