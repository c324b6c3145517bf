import { createHmac } from 'node:crypto'
import { agents } from '#shared/agents/agent-contracts.ts'
import { SIGNATURE_HEADER, signInternalRequest, TIMESTAMP_HEADER } from '#shared/auth/internal-signature.ts'
import type { CaseMaker, FuzzWorld } from './fuzz-case.ts'
import { hostileString, hostileValue, malformedJsonText } from './hostile-values.ts'
import type { Random } from './random.ts'

/**
 * Requests authenticated by an HMAC, with the HMAC forged: Razorpay webhooks (signature over
 * the raw body) and the agent endpoints of servers 2 and 3 (signature over timestamp, method,
 * path and body). Where the signature is right, what it covers is not: another body, path or
 * method, a stale or future timestamp, or a missing event id.
 */

const hmacHex = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('hex')

function paymentEvent(r: Random, w: FuzzWorld): string {
  const entity = { id: `pay_${r.int(1e9)}`, entity: 'payment', amount: 49_900, currency: 'INR', status: 'captured', notes: { user_id: r.chance(0.5) ? w.attackerId : hostileString(r).slice(0, 200), plan: r.pick(['pro', 'premium', hostileString(r).slice(0, 50)]) } }
  return JSON.stringify({ entity: 'event', event: r.pick(['payment.captured', 'subscription.charged', 'refund.processed', hostileString(r).slice(0, 100)]), payload: { payment: { entity } }, created_at: Math.floor(Date.now() / 1000) })
}

export const razorpayWebhook: CaseMaker = (r, w) => {
  const body = r.pick<() => string>([() => paymentEvent(r, w), () => malformedJsonText(r), () => JSON.stringify(hostileValue(r)), () => ''])()
  const right = hmacHex(w.razorpaySecret, body)
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-razorpay-event-id': `evt_${r.int(1e12)}` }
  const signature = r.pick<() => string | undefined>([
    () => undefined,
    () => '',
    () => hmacHex(`${w.razorpaySecret}x`, body),
    () => hmacHex(w.razorpaySecret, `${body} `),
    () => right.toUpperCase(),
    () => right.slice(0, 63),
    () => `${right}00`,
    () => 'z'.repeat(64),
    () => `${right}, ${right}`,
    () => `sha256=${right}`,
    () => hostileString(r).slice(0, 4000).replace(/[^\x20-\x7e]/g, '?'),
    // the right signature, but the event id Razorpay always sends is missing or absurd
    () => {
      if (r.chance(0.5)) delete headers['x-razorpay-event-id']
      else headers['x-razorpay-event-id'] = `evt_${'9'.repeat(120)}`
      return right
    },
  ])()
  if (signature !== undefined) headers['x-razorpay-signature'] = signature
  return { endpoint: 'POST /api/webhooks/razorpay', server: 'server1', method: 'POST', path: '/api/webhooks/razorpay', headers, body }
}

const AGENTS = Object.values(agents)

export const agentEndpoint: CaseMaker = (r, w) => {
  const contract = r.pick(AGENTS)
  const other = r.pick(AGENTS)
  const body = r.pick<() => string>([
    () => JSON.stringify({ user_id: w.victimId, scrape_run_id: 1, mode: 'full_scan', trigger: 'manual:fuzz', application_id: 1, resume_id: '6f1d2c3b-0000-4000-8000-00000000abcd' }),
    () => JSON.stringify(hostileValue(r)),
    () => malformedJsonText(r),
    () => '',
  ])()
  const now = Date.now()
  const sign = (secret: string, method: string, path: string, signedBody: string, at = now) => signInternalRequest(secret, method, path, signedBody, at)
  const forged: Record<string, string> = r.pick<() => Record<string, string>>([
    () => ({}),
    () => ({ [TIMESTAMP_HEADER]: String(now) }),
    () => ({ [SIGNATURE_HEADER]: sign(w.internalSecret, 'POST', contract.path, body)[SIGNATURE_HEADER] }),
    () => sign(`${w.internalSecret}x`, 'POST', contract.path, body),
    () => sign(w.internalSecret, 'POST', contract.path, body, now - 6 * 60_000),
    () => sign(w.internalSecret, 'POST', contract.path, body, now + 6 * 60_000),
    () => sign(w.internalSecret, 'POST', other.path === contract.path ? `${contract.path}/` : other.path, body),
    () => sign(w.internalSecret, 'GET', contract.path, body),
    () => sign(w.internalSecret, 'POST', contract.path, `${body} `),
    () => ({ ...sign(w.internalSecret, 'POST', contract.path, body), [TIMESTAMP_HEADER]: String(now + 1) }),
    () => ({ ...sign(w.internalSecret, 'POST', contract.path, body), [TIMESTAMP_HEADER]: r.pick(['abc', '1e3', '', '-1', '9'.repeat(30), String(now / 1000)]) }),
    () => ({ ...sign(w.internalSecret, 'POST', contract.path, body), [SIGNATURE_HEADER]: r.pick(['', 'zz', 'deadbeef', 'A'.repeat(64), 'g'.repeat(64)]) }),
    () => ({ [TIMESTAMP_HEADER]: String(now), [SIGNATURE_HEADER]: hmacHex(w.internalSecret, body) }),
  ])()
  return {
    endpoint: `POST ${contract.path}`,
    server: contract.server,
    method: 'POST',
    path: contract.path,
    headers: { 'content-type': 'application/json', ...forged },
    body,
  }
}
