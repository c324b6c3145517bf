import { Elysia, t } from 'elysia'
import { ErrorBody } from '#shared/http/error-body.ts'
import { HttpError } from '#shared/http/http-error.ts'
import { handleRazorpayWebhook, WebhookResult } from '../../../payments/handle-razorpay-webhook.ts'
import type { Server1Deps } from '../../../server1-deps.ts'

/** Razorpay payloads are a few KB; anything this large is not from Razorpay. */
const MAX_WEBHOOK_BYTES = 256 * 1024

/**
 * Razorpay → Talvix. No user token: the HMAC signature over the raw body is the authentication,
 * so the body is kept as the exact bytes received (a custom parser; JSON is parsed only after
 * the signature matched).
 */
export default ({ ctx }: Server1Deps) =>
  new Elysia().post(
    '/api/webhooks/razorpay',
    ({ body, headers }) => handleRazorpayWebhook(ctx, body, headers['x-razorpay-signature'], headers['x-razorpay-event-id']),
    {
      async parse({ request }) {
        if (Number(request.headers.get('content-length') ?? 0) > MAX_WEBHOOK_BYTES) {
          throw new HttpError(413, 'payload_too_large', `webhook bodies are limited to ${MAX_WEBHOOK_BYTES} bytes`)
        }
        return new Uint8Array(await request.arrayBuffer())
      },
      body: t.Uint8Array({ description: 'the raw JSON bytes Razorpay signed' }),
      response: { 200: WebhookResult, 400: ErrorBody, 413: ErrorBody },
      detail: { summary: 'Razorpay webhook: payments and subscriptions change the plan (signature required)' },
    },
  )
