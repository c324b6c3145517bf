import type { RazorpayEvent } from './razorpay-event.ts'

/**
 * The business effect an event carries, independent of its event id: a payment is captured
 * once, a subscription period is charged once, a refund is processed once. Null for events
 * without an effect (unknown types) — those are deduplicated by event id alone.
 */
export function effectKey(event: RazorpayEvent): string | null {
  const payment = event.payload.payment?.entity
  const subscription = event.payload.subscription?.entity
  const refund = event.payload.refund?.entity
  switch (event.event) {
    case 'payment.captured':
    case 'payment.failed':
      return payment ? `${event.event}:${payment.id}` : null
    case 'subscription.activated':
    case 'subscription.cancelled':
      return subscription ? `${event.event}:${subscription.id}` : null
    case 'subscription.charged':
      return subscription ? `${event.event}:${subscription.id}:${payment?.id ?? subscription.current_start ?? ''}` : null
    case 'refund.processed':
      return refund ? `${event.event}:${refund.id}` : null
    default:
      return null
  }
}
