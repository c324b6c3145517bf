import { t } from 'elysia'
import type { ServerContext } from '#shared/context.ts'
import { badRequest } from '#shared/http/http-error.ts'
import { effectKey } from './effect-key.ts'
import { RAZORPAY_EFFECTS } from './razorpay-effects.ts'
import { parseRazorpayEvent } from './razorpay-event.ts'
import { verifyRazorpaySignature } from './verify-razorpay-signature.ts'

export const WebhookResult = t.Object({
  status: t.Union([t.Literal('processed'), t.Literal('duplicate')]),
  outcome: t.String(),
})
export type WebhookResult = typeof WebhookResult.static

/**
 * A Razorpay webhook, from the exact bytes received. The signature is checked first (nothing is
 * read, logged or written for a forged request); then recording the event and its whole effect
 * is one transaction whose first statement is the dedupe: INSERT … ON CONFLICT DO NOTHING on
 * the event id and on the effect key. Concurrent deliveries of one event wait on that insert and
 * find it done. Signed events we cannot act on are still answered 200 (and recorded) so
 * Razorpay does not retry them for a day.
 */
export async function handleRazorpayWebhook(
  ctx: Pick<ServerContext, 'config' | 'sql' | 'log'>,
  rawBody: Uint8Array,
  signature: string | undefined,
  eventId: string | undefined,
): Promise<WebhookResult> {
  const secrets = [ctx.config.RAZORPAY_WEBHOOK_SECRET, ctx.config.RAZORPAY_WEBHOOK_SECRET_PREVIOUS].filter(
    (secret): secret is string => Boolean(secret),
  )
  if (!verifyRazorpaySignature(rawBody, signature ?? null, secrets)) {
    throw badRequest('X-Razorpay-Signature is missing or does not match the body', 'x-razorpay-signature')
  }
  if (!eventId || eventId.length > 100) throw badRequest('x-razorpay-event-id is missing or too long', 'x-razorpay-event-id')

  const parsed = parseRazorpayEvent(rawBody)
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(rawBody))
  } catch {
    throw badRequest('body is not JSON')
  }
  const event = 'event' in parsed ? parsed.event : null
  const eventType = event?.event ?? readEventType(json)
  const log = ctx.log.child({ razorpay_event_id: eventId, razorpay_event: eventType })

  const result = await ctx.sql.begin(async (tx): Promise<WebhookResult> => {
    const [recorded] = await tx<{ id: string }[]>`
      INSERT INTO payment_events (event_id, event_type, payload, outcome, effect_key)
      VALUES (${eventId}, ${eventType}, ${tx.json(json as never)}, 'received', ${event ? effectKey(event) : null})
      ON CONFLICT DO NOTHING
      RETURNING id`
    if (!recorded) return { status: 'duplicate', outcome: 'already_processed' }
    const effect = event ? RAZORPAY_EFFECTS[event.event] : undefined
    const { outcome, userId } = !event
      ? { outcome: `unreadable:${'error' in parsed ? parsed.error : 'schema'}`.slice(0, 200), userId: null }
      : effect
        ? await effect(tx, event, log)
        : { outcome: 'unhandled_event', userId: null }
    await tx`UPDATE payment_events SET outcome = ${outcome}, user_id = ${userId} WHERE id = ${recorded.id}`
    return { status: 'processed', outcome }
  })
  if (result.status === 'duplicate') log.info('razorpay event already processed')
  else if (!event) log.error({ outcome: result.outcome }, 'razorpay event does not match our schema; recorded, not acted on')
  else log.info({ outcome: result.outcome }, 'razorpay event processed')
  return result
}

function readEventType(json: unknown): string {
  const type = (json as { event?: unknown } | null)?.event
  return typeof type === 'string' && type.length > 0 ? type.slice(0, 100) : 'unknown'
}
