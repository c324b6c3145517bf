import type { Sql } from '#shared/db/create-sql.ts'
import { deleteInBatches } from './delete-in-batches.ts'
import { RETENTION_DAYS } from './retention-windows.ts'

/**
 * WhatsApp messages past their window. An inbound row is the (direction, message_id) key that
 * makes a re-delivered message a duplicate: 45 days outlives WhatsApp's 30 days of holding an
 * undelivered message, and the freshness gate refuses anything older than 5 minutes anyway.
 * Outbound dedupe keys are per day, week or one-off event. An outbound message still waiting to
 * be sent is never pruned.
 */
export function pruneWaMessages(sql: Sql): Promise<number> {
  return deleteInBatches(sql, 'wa_messages', 'id', (limit) => sql`
    SELECT id FROM wa_messages
     WHERE created_at < now() - make_interval(days => ${RETENTION_DAYS.waMessages})
       AND NOT (direction = 'out' AND status = 'pending')
     ORDER BY created_at
     LIMIT ${limit}
     FOR UPDATE SKIP LOCKED`)
}

/**
 * Notifications past their window, read or not: a dashboard's history of half a year. Their
 * dedupe keys are per day or guarded by the flag or ledger row that wrote them
 * (dashboard_ready, payment_events.effect_key, user_connections.alerted_at), so none is needed
 * this long.
 */
export function pruneNotifications(sql: Sql): Promise<number> {
  return deleteInBatches(sql, 'notifications', 'id', (limit) => sql`
    SELECT id FROM notifications
     WHERE created_at < now() - make_interval(days => ${RETENTION_DAYS.notifications})
     ORDER BY created_at
     LIMIT ${limit}
     FOR UPDATE SKIP LOCKED`)
}
