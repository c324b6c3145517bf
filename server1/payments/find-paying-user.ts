import type { Tx } from '#shared/db/create-sql.ts'
import { type RazorpayNotes, userIdFromNotes } from './razorpay-event.ts'

/**
 * The Talvix user an event concerns: `notes.user_id` (set when our order or subscription was
 * created) on the first entity that carries it, else the user of an earlier event about the same
 * payment (a refund's notes are often empty). Null when unknown or not a Talvix user.
 */
export async function findPayingUser(tx: Tx, notes: RazorpayNotes[], paymentId: string | null): Promise<string | null> {
  let candidate: string | null = null
  for (const entityNotes of notes) candidate ??= userIdFromNotes(entityNotes)
  if (candidate === null && paymentId !== null) {
    const [earlier] = await tx<{ user_id: string }[]>`
      SELECT user_id FROM payment_events
       WHERE user_id IS NOT NULL AND payload #>> '{payload,payment,entity,id}' = ${paymentId}
       ORDER BY id LIMIT 1`
    candidate = earlier?.user_id ?? null
  }
  if (candidate === null) return null
  const [user] = await tx<{ id: string }[]>`SELECT id FROM users WHERE id = ${candidate}`
  return user?.id ?? null
}
