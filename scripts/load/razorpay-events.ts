import { createHmac } from 'node:crypto'

/** A payment.captured for the Pro plan, as Razorpay sends it, signed with the webhook secret. */
export function signedPaymentCaptured(secret: string, userId: string, paymentId: string) {
  const body = JSON.stringify({
    entity: 'event',
    account_id: 'acc_load',
    event: 'payment.captured',
    contains: ['payment'],
    payload: { payment: { entity: { id: paymentId, entity: 'payment', order_id: `order_${paymentId}`, amount: 49_900, currency: 'INR', status: 'captured', notes: { plan: 'pro', user_id: userId } } } },
    created_at: Math.floor(Date.now() / 1000),
  })
  return { body, signature: createHmac('sha256', secret).update(body).digest('hex') }
}
