import { type CaseMaker, type FuzzCase } from './fuzz-case.ts'
import { hostileValue, malformedJsonText } from './hostile-values.ts'
import { pickForged } from './forged-tokens.ts'
import type { Random } from './random.ts'

/**
 * Every signed-in route with a token no server may accept. The body is anything, including a
 * perfectly valid one: without a valid token nothing may happen, whatever is sent.
 */
const ROUTES: { endpoint: string; path: (r: Random) => string; body?: (r: Random) => unknown }[] = [
  { endpoint: 'GET /api/me', path: () => '/api/me' },
  { endpoint: 'GET /api/dashboard', path: () => '/api/dashboard' },
  { endpoint: 'GET /api/notifications', path: () => '/api/notifications?limit=5' },
  { endpoint: 'PATCH /api/notifications/:id', path: (r) => `/api/notifications/${1 + r.int(50)}`, body: () => ({ status: 'read' }) },
  { endpoint: 'POST /api/notifications/read-all', path: () => '/api/notifications/read-all' },
  { endpoint: 'GET /api/applications', path: () => '/api/applications' },
  { endpoint: 'POST /api/applications', path: () => '/api/applications', body: () => ({ job_url: 'https://jobs.example/1', company: 'Acme', title: 'Dev' }) },
  { endpoint: 'POST /api/applications/:id/approve', path: (r) => `/api/applications/${1 + r.int(20)}/approve` },
  { endpoint: 'POST /api/applications/:id/skip', path: (r) => `/api/applications/${1 + r.int(20)}/skip` },
  { endpoint: 'GET /api/user/profile', path: () => '/api/user/profile' },
  { endpoint: 'PATCH /api/user/profile', path: () => '/api/user/profile', body: () => ({ full_name: 'Mallory', wa_alerts_enabled: false }) },
  { endpoint: 'PATCH /api/user/roles', path: () => '/api/user/roles', body: () => ({ roles: ['Admin'] }) },
  { endpoint: 'POST /api/user/phone', path: () => '/api/user/phone', body: () => ({ phone: '+919876543210' }) },
  { endpoint: 'POST /api/user/phone/verify', path: () => '/api/user/phone/verify', body: () => ({ code: '123456' }) },
  { endpoint: 'GET /api/vault', path: () => '/api/vault' },
  { endpoint: 'POST /api/vault/capture', path: () => '/api/vault/capture', body: () => ({ platform: 'linkedin', session: { cookies: [{ name: 'li_at', value: 'x' }] } }) },
  { endpoint: 'DELETE /api/vault/:platform', path: () => '/api/vault/linkedin' },
  { endpoint: 'GET /api/admin/runs', path: () => '/api/admin/runs' },
  { endpoint: 'GET /api/admin/wa', path: () => '/api/admin/wa' },
]

export const forgedAuth: CaseMaker = (r, w) => {
  const route = r.pick(ROUTES)
  const [method = 'GET'] = route.endpoint.split(' ')
  const c: FuzzCase = { endpoint: route.endpoint, server: 'server1', method, path: route.path(r), headers: pickForged(r, w.forged) }
  if (method !== 'GET' && method !== 'DELETE') {
    const roll = r.int(10)
    if (roll < 6) {
      c.headers['content-type'] = 'application/json'
      c.body = JSON.stringify(route.body?.(r) ?? {})
    } else if (roll < 8) {
      c.headers['content-type'] = 'application/json'
      c.body = malformedJsonText(r)
    } else {
      c.headers['content-type'] = r.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])
      c.body = String(JSON.stringify(hostileValue(r)))
    }
  }
  return c
}

/** Operator routes with the attacker's own valid user token: a signed-in user is not an operator. */
export const userTokenOnAdmin: CaseMaker = (r, w) => {
  const path = r.pick(['/api/admin/runs', '/api/admin/wa', '/api/admin/runs?limit=5&status=failed'])
  return { endpoint: `GET ${path.split('?')[0]}`, server: 'server1', method: 'GET', path, headers: { authorization: w.attacker } }
}
