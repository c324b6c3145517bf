import { describe, expect, test } from 'bun:test'
import { Value } from '@sinclair/typebox/value'
import {
  MAX_PLATFORM_SESSION_BYTES,
  PlatformSession,
  parsePlatformSession,
  platformSessionProblem,
} from '../../shared/vault/platform-session.ts'

const playwrightCookie = {
  name: 'li_at',
  value: 'AQEDAS-secret',
  domain: '.linkedin.com',
  path: '/',
  expires: 1767225600,
  httpOnly: true,
  secure: true,
  sameSite: 'None' as const,
}

describe('PlatformSession schema', () => {
  test('accepts cookies in the Playwright storage-state shape, and minimal cookies', () => {
    expect(Value.Check(PlatformSession, { cookies: [playwrightCookie] })).toBe(true)
    expect(Value.Check(PlatformSession, { cookies: [{ name: 'a', value: '' }] })).toBe(true)
    expect(Value.Check(PlatformSession, { cookies: [{ ...playwrightCookie, expires: -1 }] })).toBe(true)
  })

  test('accepts token-only sessions', () => {
    expect(Value.Check(PlatformSession, { cookies: [], localStorage: { token: 'x' } })).toBe(true)
    expect(Value.Check(PlatformSession, { cookies: [], headers: { authorization: 'Bearer x' } })).toBe(true)
  })

  const invalid: [string, unknown][] = [
    ['no cookies field', { localStorage: { token: 'x' } }],
    ['cookie without name', { cookies: [{ value: 'x' }] }],
    ['empty cookie name', { cookies: [{ name: '', value: 'x' }] }],
    ['expires as a date string', { cookies: [{ name: 'a', value: 'b', expires: '2025-01-01' }] }],
    ['unknown sameSite', { cookies: [{ ...playwrightCookie, sameSite: 'no_restriction' }] }],
    ['unknown cookie field', { cookies: [{ name: 'a', value: 'b', stolen: true }] }],
    ['unknown top-level field', { cookies: [playwrightCookie], password: 'hunter2' }],
    ['non-string localStorage value', { cookies: [], localStorage: { token: 42 } }],
  ]
  for (const [name, value] of invalid) {
    test(`rejects ${name}`, () => expect(Value.Check(PlatformSession, value)).toBe(false))
  }
})

/** A cookie of about 4 KB serialised, to build sessions around the 64 KB limit. */
const cookie = (index: number) => ({ name: `c${index}`, value: 'x'.repeat(4000) })

describe('platformSessionProblem / parsePlatformSession', () => {
  test('a session with no cookies and no tokens is rejected', () => {
    expect(platformSessionProblem({ cookies: [] })).toMatch(/no cookies/)
    expect(platformSessionProblem({ cookies: [], localStorage: {}, headers: {} })).toMatch(/no cookies/)
  })

  test('a session over 64 KB is rejected; one just under is accepted', () => {
    const big = { cookies: Array.from({ length: 17 }, (_, index) => cookie(index)) }
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_PLATFORM_SESSION_BYTES)
    expect(platformSessionProblem(big)).toMatch(/limit is 65536/)
    const fits = { cookies: Array.from({ length: 15 }, (_, index) => cookie(index)) }
    expect(platformSessionProblem(fits)).toBeNull()
  })

  test('the size limit counts UTF-8 bytes, not characters', () => {
    const session = { cookies: [], localStorage: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, '€'.repeat(4000)])) }
    expect(JSON.stringify(session).length).toBeLessThan(MAX_PLATFORM_SESSION_BYTES)
    expect(platformSessionProblem(session)).toMatch(/limit/)
  })

  test('parsePlatformSession names the bad field without echoing values', () => {
    const result = parsePlatformSession({ cookies: [{ name: 'li_at', value: 123 }] })
    expect('error' in result && result.error).toMatch(/^session\.cookies\.0\.value: /)
    expect(JSON.stringify(result)).not.toContain('123')
    expect(parsePlatformSession('{"cookies":[]}')).toHaveProperty('error')
    expect(parsePlatformSession({ cookies: [] })).toEqual({ error: 'session has no cookies, localStorage entries or headers' })
    expect(parsePlatformSession({ cookies: [playwrightCookie] })).toEqual({ session: { cookies: [playwrightCookie] } })
  })
})
