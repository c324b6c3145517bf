import type { Tx } from '#shared/db/create-sql.ts'
import type { Logger } from '#shared/logger.ts'
import type { RazorpayEvent } from './razorpay-event.ts'

/** What one webhook did, stored as payment_events.outcome (operators read it; Razorpay does not). */
export interface EffectResult {
  outcome: string
  userId: string | null
}

/** One event type's effect, run inside the transaction that recorded the event. */
export type PaymentEffect = (tx: Tx, event: RazorpayEvent, log: Logger) => Promise<EffectResult>
