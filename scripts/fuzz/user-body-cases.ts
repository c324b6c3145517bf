import { type CaseMaker, jsonCase } from './fuzz-case.ts'
import { hostileString, hostileValue, malformedJsonText } from './hostile-values.ts'
import type { Random } from './random.ts'
import { hostileList, phoneShapedJunk, wrongType } from './wrong-type.ts'

/**
 * Signed-in requests with hostile JSON bodies. Every body carries at least one violation the
 * route must reject (wrong type, out of range, too long, missing, semantic), next to hostile
 * strings in the fields that would otherwise be valid: so every answer must be a 4xx and no row
 * may change, while the hostile strings still travel through parsing and validation.
 */

const PLATFORMS = ['linkedin', 'naukri', 'indeed', 'instahyre', 'wellfound']

const optionalFields = (r: Random, fields: Record<string, () => unknown>) =>
  Object.fromEntries(Object.entries(fields).flatMap(([key, make]) => (r.chance(0.5) ? [[key, make()]] : [])))

const roles: CaseMaker = (r, w) => {
  const poison = r.pick<() => unknown>([
    () => ({ roles: wrongType(r, 'array') }),
    () => ({ roles: [] }),
    () => ({ roles: Array.from({ length: 11 + r.int(50) }, () => hostileString(r)) }),
    () => ({ roles: [...hostileList(r), ''] }),
    () => ({ roles: [...hostileList(r), 'R'.repeat(81)] }),
    () => ({ roles: [...hostileList(r), wrongType(r, 'string')] }),
    () => ({ role: hostileList(r), target_roles: hostileList(r) }),
  ])
  return jsonCase('PATCH /api/user/roles', '/api/user/roles', { authorization: w.attacker }, poison())
}

const profile: CaseMaker = (r, w) => {
  const base = optionalFields(r, {
    full_name: () => hostileString(r),
    locations: () => hostileList(r),
    wa_alerts_enabled: () => r.chance(0.5),
    expected_salary_inr: () => r.int(1000) * 1000,
  })
  const poison = r.pick<() => Record<string, unknown>>([
    () => ({ full_name: r.pick(['', 'N'.repeat(121), wrongType(r, 'string')]) }),
    () => ({ locations: r.pick([wrongType(r, 'array'), Array.from({ length: 11 }, () => 'Pune'), [...hostileList(r), ''], ['L'.repeat(81)]]) }),
    () => ({ expected_salary_inr: r.pick([-1, 1.5, 100_000_001, true, 'lots', [], {}]) }),
    () => ({ wa_alerts_enabled: wrongType(r, 'boolean') }),
    () => ({ auto_apply: wrongType(r, 'object') }),
    () => ({ auto_apply: { min_score: r.pick([101, -1, 50.5, wrongType(r, 'integer')]) } }),
    () => ({ auto_apply: { review_mode_days: r.pick([91, -1, 2.5, wrongType(r, 'integer')]) } }),
    () => ({ auto_apply: { enabled: wrongType(r, 'boolean') } }),
  ])
  // the poison goes last so it overrides a valid value of the same field
  return jsonCase('PATCH /api/user/profile', '/api/user/profile', { authorization: w.attacker }, { ...base, ...poison() })
}

const application: CaseMaker = (r, w) => {
  const base = optionalFields(r, { company: () => hostileString(r), title: () => hostileString(r) })
  const poison = r.pick<() => Record<string, unknown>>([
    () => ({ job_id: r.pick([0, -1, 1.5, 2 ** 53, wrongType(r, 'integer')]) }),
    () => ({ job_id: 900_000_000 + r.int(1_000_000) }),
    () => ({ job_url: r.pick(['javascript:alert(1)', 'ftp://files.example/x', `http://${'a'.repeat(2050)}`, 'http://a b', 'file:///etc/passwd', wrongType(r, 'string')]) }),
    () => ({ job_url: 'https://jobs.example/x', company: r.pick(['', 'C'.repeat(201), wrongType(r, 'string')]) }),
    () => ({ job_url: 'https://jobs.example/x', company: 'Acme', title: r.pick(['', 'T'.repeat(201), wrongType(r, 'string')]) }),
    () => ({ job_url: 'https://jobs.example/x', company: 'Acme', title: 'Dev', status: r.pick([hostileString(r), wrongType(r, 'string')]) }),
    () => ({ job_url: 'https://jobs.example/x', company: ' \u200B ', title: 'Dev' }),
    () => ({}),
  ])
  return jsonCase('POST /api/applications', '/api/applications', { authorization: w.attacker }, { ...base, ...poison() })
}

const cookie = (r: Random) => ({ name: hostileString(r).slice(0, 4096) || 'sid', value: hostileString(r).slice(0, 4096), domain: '.linkedin.com' })

const vaultCapture: CaseMaker = (r, w) => {
  const platform = r.chance(0.7) ? r.pick(PLATFORMS) : hostileString(r)
  const session = r.pick<() => unknown>([
    () => wrongType(r, 'object'),
    () => ({ cookies: wrongType(r, 'array') }),
    () => ({ cookies: [] }),
    () => ({ cookies: [{ ...cookie(r), name: '' }] }),
    () => ({ cookies: [{ value: hostileString(r) }] }),
    () => ({ cookies: [{ ...cookie(r), sameSite: hostileString(r) }] }),
    () => ({ cookies: [{ ...cookie(r), expires: r.pick<unknown>([-2, -1e9, null, 'tomorrow', [], {}]) }] }),
    () => ({ cookies: [{ ...cookie(r), value: 'v'.repeat(4097) }] }),
    () => ({ cookies: Array.from({ length: 301 }, () => ({ name: 'a', value: 'b' })) }),
    () => ({ cookies: Array.from({ length: 20 }, (_, i) => ({ name: `c${i}`, value: 'v'.repeat(4096) })) }),
    () => ({ cookies: [cookie(r)], localStorage: { token: wrongType(r, 'string') } }),
  ])
  // a valid platform needs the bad session; a bad platform alone is enough
  return jsonCase('POST /api/vault/capture', '/api/vault/capture', { authorization: w.attacker }, {
    ...(r.chance(0.2) ? { user_id: w.victimId, evil: hostileValue(r) } : {}),
    platform: PLATFORMS.includes(platform) ? platform : r.chance(0.5) ? platform : wrongType(r, 'string'),
    session: session(),
  })
}

const phone: CaseMaker = (r, w) =>
  jsonCase('POST /api/user/phone', '/api/user/phone', { authorization: w.attacker }, {
    phone: r.pick<unknown>([wrongType(r, 'string'), '+91', '1234567', phoneShapedJunk(r), phoneShapedJunk(r), `+91${'9'.repeat(30)}`, hostileString(r).padEnd(25, '9')]),
    ...(r.chance(0.3) ? { user_id: w.victimId } : {}),
  })

const phoneVerify: CaseMaker = (r, w) =>
  jsonCase('POST /api/user/phone/verify', '/api/user/phone/verify', { authorization: w.attacker }, {
    // six digits are well-formed: the attacker has no pending code, so they are a 404
    code: r.pick<unknown>([wrongType(r, 'string'), hostileString(r), '12345', '1234567', '12345a', '١٢٣٤٥٦', String(r.int(900_000) + 100_000)]),
  })

export const USER_BODY_CASES: CaseMaker[] = [roles, profile, application, vaultCapture, phone, phoneVerify]

/**
 * The same routes with bodies that are not JSON, or JSON under another content type. Only the
 * encoding changes: the content is either unparsable or one of the poisoned bodies above.
 */
export const notJson: CaseMaker = (r, w) => {
  const c = r.pick(USER_BODY_CASES)(r, w)
  if (r.chance(0.6)) c.body = malformedJsonText(r)
  else if (r.chance(0.5)) c.headers['content-type'] = r.pick(['text/plain', 'application/xml', 'application/octet-stream', 'application/json; charset=utf-16', 'multipart/form-data'])
  else delete c.headers['content-type']
  return c
}
