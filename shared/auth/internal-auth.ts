import { Elysia } from 'elysia'
import { unauthorized } from '../http/http-error.ts'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyInternalRequest } from './internal-signature.ts'

/**
 * Guards server-to-server routes. The signature covers the raw body, so it is checked while
 * parsing (before validation: an unsigned request learns nothing about the schema), and at
 * transform time for requests without a body.
 */
export function internalAuth(secret: string) {
  const verified = new WeakSet<Request>()
  const check = (request: Request, body: string) => {
    const result = verifyInternalRequest(secret, {
      method: request.method,
      path: new URL(request.url).pathname,
      body,
      timestamp: request.headers.get(TIMESTAMP_HEADER),
      signature: request.headers.get(SIGNATURE_HEADER),
    })
    if (!result.ok) throw unauthorized(result.reason)
    verified.add(request)
  }
  return new Elysia()
    .onParse({ as: 'scoped' }, async ({ request }) => {
      const raw = await request.text()
      check(request, raw)
      return raw === '' ? {} : JSON.parse(raw)
    })
    .onTransform({ as: 'scoped' }, ({ request }) => {
      if (!verified.has(request)) check(request, '')
    })
}
