import { refundProcessed, subscriptionCancelled } from './downgrade-effects.ts'
import type { PaymentEffect } from './payment-effect.ts'
import { paymentFailed } from './payment-failed-effect.ts'
import { paymentCaptured, subscriptionPaid } from './plan-purchase-effects.ts'

/** The Razorpay events Talvix acts on; any other event is recorded and answered 200. */
export const RAZORPAY_EFFECTS: Record<string, PaymentEffect> = {
  'payment.captured': paymentCaptured,
  'payment.failed': paymentFailed,
  'subscription.activated': subscriptionPaid,
  'subscription.charged': subscriptionPaid,
  'subscription.cancelled': subscriptionCancelled,
  'refund.processed': refundProcessed,
}
