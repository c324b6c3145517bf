import type { Tx } from '#shared/db/create-sql.ts'

export interface UserNotice {
  kind: string
  title: string
  body: string
  data: Record<string, unknown>
  /** one notice per event: a retried run inserts nothing twice */
  dedupeKey: string
}

/** A dashboard notification (pushed by realtime) and the same text as a pending WhatsApp message. */
export async function notifyUser(tx: Tx, userId: string, notice: UserNotice): Promise<void> {
  await tx`
    INSERT INTO notifications (user_id, kind, title, body, data, dedupe_key)
    VALUES (${userId}, ${notice.kind}, ${notice.title}, ${notice.body}, ${tx.json(notice.data as never)}, ${notice.dedupeKey})
    ON CONFLICT (dedupe_key) DO NOTHING`
  await tx`
    INSERT INTO wa_messages (direction, user_id, phone_e164, body, status, kind, dedupe_key)
    SELECT 'out', u.id, u.phone_e164, ${notice.body}, 'pending', ${notice.kind}, ${notice.dedupeKey}
      FROM users u
     WHERE u.id = ${userId} AND u.phone_verified AND u.wa_alerts_enabled AND u.phone_e164 IS NOT NULL
    ON CONFLICT (dedupe_key) DO NOTHING`
}
