import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { type ApiKit, expectError, startApiKit } from '../server1/api/api-test-kit.ts'

/** Inputs `bun run fuzz` found mishandled, kept as regressions. */

let kit: ApiKit
beforeAll(async () => {
  kit = await startApiKit()
})
afterAll(() => kit.stop())

const upgrade = (query: string) =>
  fetch(`${kit.url}/realtime/v1/websocket?${query}`, {
    headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' },
  })

describe('refused realtime upgrades follow the error contract', () => {
  test('no apikey gets 422 naming it, with error, message and request_id', async () => {
    const body = await expectError(await upgrade('vsn=2.0.0'), 422, 'apikey')
    expect(body.error).toBe('validation_failed')
  })

  test('an unsupported vsn is refused naming it', async () => {
    expect((await expectError(await upgrade('apikey=k&vsn=3.0.0'), 422, 'vsn')).error).toBe('validation_failed')
  })
})

describe('a value made only of invisible characters is blank', () => {
  test('a zero-width company name is refused and nothing is stored', async () => {
    const { token } = await kit.signIn()
    await kit.expectNoChange(async () => {
      const res = await kit.call('POST', '/api/applications', { token, json: { job_url: 'https://jobs.example/x', company: ' \u200B\u200D ', title: 'Dev' } })
      await expectError(res, 422, 'company')
    })
  })

  test('a role of a BOM and direction marks is refused; joiners inside a word stay', async () => {
    const { token } = await kit.signIn()
    await kit.expectNoChange(async () => {
      await expectError(await kit.call('PATCH', '/api/user/roles', { token, json: { roles: ['Engineer', '\uFEFF\u202E\u200E'] } }), 422, 'roles.1')
    })
    const res = await kit.call('PATCH', '/api/user/roles', { token, json: { roles: ['\u200Bडेवलपर\u200D', 'क्‍ष Analyst'] } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { target_roles: string[] }).target_roles).toEqual(['डेवलपर', 'क्‍ष Analyst'])
  })
})

describe('a malformed auto_apply refuses the whole profile patch', () => {
  test.each([['yes'], [3.25], [null], [['x']], [{}]])('auto_apply: %p → 422, the other fields are not applied', async (autoApply) => {
    const { token } = await kit.signIn()
    await kit.expectNoChange(async () => {
      const res = await kit.call('PATCH', '/api/user/profile', { token, json: { full_name: 'Mallory', expected_salary_inr: 900_000, auto_apply: autoApply } })
      await expectError(res, 422, 'auto_apply')
    })
  })
})

describe('NUL and broken surrogates in text fields are a 422, not a 500', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['PATCH', '/api/user/profile', { full_name: 'Asha\u0000Rao' }, 'full_name'],
    ['PATCH', '/api/user/profile', { locations: ['Pune', '\uD800'] }, 'locations.1'],
    ['PATCH', '/api/user/roles', { roles: ['\u0000'] }, 'roles.0'],
    ['POST', '/api/applications', { job_url: 'https://jobs.example/\u0000', company: 'Acme', title: 'Dev' }, 'job_url'],
    ['POST', '/api/applications', { job_url: 'https://jobs.example/1', company: 'Acme\u0000', title: 'Dev' }, 'company'],
  ]
  test.each(cases)('%s %s %j', async (method, path, json, field) => {
    const { token } = await kit.signIn()
    await kit.expectNoChange(async () => {
      await expectError(await kit.call(method, path, { token, json }), 422, field)
    })
  })
})
