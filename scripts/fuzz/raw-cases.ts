import type { CaseMaker } from './fuzz-case.ts'
import { pickForged } from './forged-tokens.ts'
import { HOSTILE_STRINGS } from './hostile-values.ts'

/**
 * Requests only a raw socket can make. None carries the attacker's valid token on a path that
 * could normalise to a real read, so each must be refused.
 */

const TRAVERSALS = [
  '/../../../../etc/passwd',
  '/api/../../../etc/passwd',
  '/api/vault/..%2f..%2f..%2fetc%2fpasswd',
  '/api/notifications/1%00',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/api/dashboard/../admin/runs',
  '//api//admin//wa',
  '/api/resume/upload/../../../.data/dev-secrets.json',
  '/api/notifications/%27%20OR%201%3D1--',
  '/.env',
  '/api/admin/runs?limit=1;DROP%20TABLE%20agent_runs',
  `/api/${'a/'.repeat(2_000)}`,
  '/api/vault/linkedin%00naukri',
  '/api/%F0%9F%92%A5',
  '/api/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd',
]

/** Path traversal and odd paths, with no token or a forged one. */
export const rawPath: CaseMaker = (r, w) => {
  const path = r.pick(TRAVERSALS)
  const auth = pickForged(r, w.forged)
  const headers = Object.entries(auth).map(([k, v]) => `${k}: ${v}\r\n`).join('')
  return { endpoint: 'raw path', server: 'server1', method: 'GET', path, headers: {}, raw: true, body: `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n` }
}

/** A Content-Length far above the route's limit, with a few bytes sent: refused from the header, before reading. */
export const oversizedContentLength: CaseMaker = (r, w) => {
  const target = r.pick([
    { path: '/api/webhooks/razorpay', headers: 'Content-Type: application/json\r\nX-Razorpay-Signature: 00\r\n' },
    { path: '/api/resume/upload', headers: `Authorization: ${w.attacker}\r\nContent-Type: multipart/form-data; boundary=x\r\n` },
  ])
  // Bun answers a Content-Length above its own 128 MB limit itself (bare 413); below it, the route must
  const declared = r.pick([6 * 1024 * 1024, 10 * 1024 * 1024, 100 * 1024 * 1024])
  return {
    endpoint: `POST ${target.path} (Content-Length ${declared})`,
    server: 'server1',
    method: 'POST',
    path: target.path,
    headers: {},
    raw: true,
    body: `POST ${target.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${target.headers}Content-Length: ${declared}\r\nConnection: close\r\n\r\n{"a":`,
  }
}

/**
 * WebSocket upgrades to the realtime socket that must be refused before any frame: no apikey (a
 * token where an older client put it instead), or a vsn this server does not speak. Hostile
 * frames on accepted sockets are the realtime phase's (run-realtime-fuzz.ts).
 */
export const realtimeUpgrade: CaseMaker = (r, w) => {
  const params = new URLSearchParams()
  const forged = pickForged(r, w.forged).authorization
  const roll = r.int(4)
  if (roll === 0 && forged) params.set('token', forged.replace(/^Bearer\s*/i, ''))
  if (roll === 1) params.set('apikey', '')
  if (roll >= 2) {
    params.set('apikey', roll === 2 ? 'anon' : w.attacker.slice('Bearer '.length))
    params.set('vsn', r.pick(['3.0.0', '1.0', '2', 'v2', '', '1.0.0 ', "1.0.0' OR 1=1", ...HOSTILE_STRINGS.filter((s) => s.length < 200)]))
  }
  const path = `/realtime/v1/websocket?${params}`
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  return {
    endpoint: 'WS /realtime/v1/websocket (upgrade)',
    server: 'server1',
    method: 'GET',
    path,
    headers: {},
    raw: true,
    body: `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\n\r\n`,
  }
}

/** Methods a route does not serve, and routes that do not exist. */
export const wrongMethod: CaseMaker = (r, w) => {
  const method = r.pick(['PUT', 'TRACE', 'OPTIONS', 'CONNECT', 'PROPFIND', 'PATCH', 'DELETE'])
  const path = r.pick(['/api/dashboard', '/api/webhooks/razorpay', '/api/me', '/api/nope', '/api/admin', '/api/agents/coach', '/health/x'])
  return {
    endpoint: 'wrong method or route',
    server: 'server1',
    method,
    path,
    headers: {},
    raw: true,
    body: `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${w.attacker}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
  }
}
