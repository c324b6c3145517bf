import { type CaseMaker, jsonCase } from './fuzz-case.ts'
import { HOSTILE_STRINGS, hostileString, malformedJsonText } from './hostile-values.ts'
import type { Random } from './random.ts'

/**
 * Ids in paths and filters in query strings. A path id is either malformed (422) or a real id
 * of the victim's row (the attacker owns none, so 404); a query always carries at least one
 * value its schema or range check refuses.
 */

const BAD_IDS = ['0', '-1', '1.5', '1e309', 'abc', 'NaN', 'Infinity', '-Infinity', '9'.repeat(40), '6f1d2c3b-0000-4000-8000-00000000abcd', "1' OR '1'='1", '1;DROP TABLE notifications', '..%2F..%2Fadmin', '%00', '0x10', '1e3', '+1', ' 1']
const BAD_NUMBERS = ['0', '-1', '1.5', '1e309', 'abc', 'NaN', '-0.5', "1' OR 1=1--", '6f1d2c3b-0000-4000-8000-00000000abcd', '9'.repeat(40)]
const BAD_LIMITS = [...BAD_NUMBERS, '101', '1000000']

function pathId(r: Random, ownedByVictim: number[]): string {
  if (ownedByVictim.length > 0 && r.chance(0.4)) return String(r.pick(ownedByVictim))
  const id = r.pick(BAD_IDS)
  return id.includes('%') ? id : encodeURIComponent(id)
}

const markNotification: CaseMaker = (r, w) => {
  const id = pathId(r, w.victimNotificationIds)
  const c = jsonCase('PATCH /api/notifications/:id', `/api/notifications/${id}`, { authorization: w.attacker }, { status: r.chance(0.7) ? 'read' : hostileString(r) })
  if (r.chance(0.15)) c.body = malformedJsonText(r)
  return c
}

const decide =
  (verb: 'approve' | 'skip'): CaseMaker =>
  (r, w) => ({
    endpoint: `POST /api/applications/:id/${verb}`,
    server: 'server1',
    method: 'POST',
    path: `/api/applications/${pathId(r, w.victimApplicationIds)}/${verb}`,
    headers: { authorization: w.attacker },
  })

const deleteConnection: CaseMaker = (r, w) => {
  // the attacker has no connections: a real platform name is a 404, anything else a 422
  const platform = r.chance(0.5) ? r.pick(['linkedin', 'naukri', 'indeed', 'instahyre', 'wellfound']) : hostileString(r).slice(0, 600)
  return { endpoint: 'DELETE /api/vault/:platform', server: 'server1', method: 'DELETE', path: `/api/vault/${encodeURIComponent(platform.toWellFormed())}`, headers: { authorization: w.attacker } }
}

/** A query with one refused value among others that may be valid or hostile. */
function query(r: Random, valid: Record<string, string[]>, poisons: Record<string, string[]>): string {
  const params = new URLSearchParams()
  for (const [key, values] of Object.entries(valid)) if (r.chance(0.4)) params.set(key, r.pick(values))
  const poisonKey = r.pick(Object.keys(poisons))
  params.set(poisonKey, r.pick(poisons[poisonKey] ?? []))
  if (r.chance(0.2)) params.append(r.pick(HOSTILE_STRINGS) || 'x', hostileString(r).slice(0, 600))
  return params.toString()
}

const HOSTILE_ENUM = HOSTILE_STRINGS.filter((s) => s.trim() !== '')

const listNotifications: CaseMaker = (r, w) => ({
  endpoint: 'GET /api/notifications',
  server: 'server1',
  method: 'GET',
  path: `/api/notifications?${query(r, { status: ['read', 'unread'], limit: ['1', '20', '100'] }, { status: HOSTILE_ENUM, limit: BAD_LIMITS, cursor: BAD_NUMBERS })}`,
  headers: { authorization: w.attacker },
})

const listApplications: CaseMaker = (r, w) => ({
  endpoint: 'GET /api/applications',
  server: 'server1',
  method: 'GET',
  path: `/api/applications?${query(
    r,
    { status: ['applied', 'saved'], source: ['manual', 'auto'], auto_status: ['queued'], limit: ['5'] },
    { status: HOSTILE_ENUM, source: HOSTILE_ENUM, auto_status: HOSTILE_ENUM, limit: BAD_LIMITS, cursor: BAD_NUMBERS },
  )}`,
  headers: { authorization: w.attacker },
})

const adminRuns: CaseMaker = (r, w) => ({
  endpoint: 'GET /api/admin/runs',
  server: 'server1',
  method: 'GET',
  path: `/api/admin/runs?${query(
    r,
    { status: ['failed', 'pending'], agent: ['coach'] },
    { status: HOSTILE_ENUM, limit: [...BAD_LIMITS.filter((l) => l !== '101'), '501'], agent: ['A'.repeat(41), `${"' OR 1=1 --".repeat(5)}`] },
  )}`,
  headers: { authorization: `Bearer ${w.adminToken}` },
})

export const PATH_QUERY_CASES: CaseMaker[] = [markNotification, decide('approve'), decide('skip'), deleteConnection, listNotifications, listApplications, adminRuns]
