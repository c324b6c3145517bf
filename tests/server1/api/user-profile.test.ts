import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { type ApiKit, expectError, startApiKit } from './api-test-kit.ts'

let kit: ApiKit
beforeAll(async () => {
  kit = await startApiKit()
})
afterAll(() => kit.stop())

const patchRoles = (token: string | undefined, body: unknown) => kit.call('PATCH', '/api/user/roles', { token, json: body })
const patchProfile = (token: string | undefined, body: unknown) => kit.call('PATCH', '/api/user/profile', { token, json: body })

async function userRow(userId: string) {
  const [row] = await kit.sql`SELECT * FROM users WHERE id = ${userId}`
  if (!row) throw new Error('no user')
  return row
}

describe('PATCH /api/user/roles', () => {
  test('cleans (trim, collapse, de-duplicate) and flags fit scores stale', async () => {
    const { userId, token } = await kit.signIn()
    const res = await patchRoles(token, { roles: ['  Backend   Engineer ', 'Data Engineer', 'backend engineer', 'SRE'] })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ target_roles: ['Backend Engineer', 'Data Engineer', 'SRE'], changed: true, fit_scores_stale: true })
    const row = await userRow(userId)
    expect(row.target_roles).toEqual(['Backend Engineer', 'Data Engineer', 'SRE'])
    expect(row.fit_scores_stale).toBe(true)
    expect(row.fit_scores_stale_since).toBeInstanceOf(Date)
  })

  test('the same roles again → no-op: nothing written', async () => {
    const { userId, token } = await kit.signIn()
    await patchRoles(token, { roles: ['Product Manager'] })
    await kit.sql`UPDATE users SET fit_scores_stale = FALSE, fit_scores_stale_since = NULL WHERE id = ${userId}`
    await kit.expectNoChange(async () => {
      const res = await patchRoles(token, { roles: [' Product Manager', 'product manager'] })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ target_roles: ['Product Manager'], changed: false, fit_scores_stale: false })
    })
  })

  const invalid: [string, unknown, string][] = [
    ['no roles', { roles: [] }, 'roles'],
    ['11 roles', { roles: Array.from({ length: 11 }, (_, i) => `Role ${i}`) }, 'roles'],
    ['a blank role', { roles: ['Engineer', '   '] }, 'roles.1'],
    ['an empty role', { roles: [''] }, 'roles.0'],
    ['a role over 80 characters', { roles: ['x'.repeat(81)] }, 'roles.0'],
    ['roles not a list', { roles: 'Engineer' }, 'roles'],
    ['missing roles', {}, 'roles'],
  ]
  for (const [what, body, field] of invalid) {
    test(`${what} → 422 naming ${field}, nothing written`, async () => {
      const { token } = await kit.signIn()
      await kit.expectNoChange(async () => expectError(await patchRoles(token, body), 422, field))
    })
  }

  test('unauthenticated → 401, nothing written', async () => {
    await kit.expectNoChange(async () => expectError(await patchRoles(undefined, { roles: ['Engineer'] }), 401))
  })
})

describe('GET/PATCH /api/user/profile', () => {
  test('GET shows the defaults of a new user, with the free plan forcing review mode', async () => {
    const { userId, token } = await kit.signIn()
    const res = await kit.call('GET', '/api/user/profile', { token })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      id: userId,
      tier: 'free',
      locations: [],
      expected_salary_inr: null,
      auto_apply: { enabled: false, min_score: 70, review_mode: true, review_mode_until: null, review_mode_forced: true },
    })
  })

  test('PATCH sets locations, salary and auto-apply; location change flags a rescore', async () => {
    const { userId, token } = await kit.signIn()
    await kit.sql`UPDATE users SET tier = 'pro' WHERE id = ${userId}`
    const res = await patchProfile(token, {
      full_name: '  Asha   Rao ',
      locations: ['Bengaluru', ' Pune', 'bengaluru'],
      expected_salary_inr: 2_400_000,
      auto_apply: { enabled: true, min_score: 80, review_mode_days: 7 },
    })
    expect(res.status).toBe(200)
    const profile = (await res.json()) as { auto_apply: { review_mode: boolean; review_mode_until: string } }
    expect(profile).toMatchObject({
      full_name: 'Asha Rao',
      locations: ['Bengaluru', 'Pune'],
      expected_salary_inr: 2_400_000,
      fit_scores_stale: true,
      auto_apply: { enabled: true, min_score: 80, review_mode: true, review_mode_forced: false },
    })
    const until = new Date(profile.auto_apply.review_mode_until).getTime()
    expect(Math.abs(until - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000)
    const row = await userRow(userId)
    expect(row).toMatchObject({ auto_apply_enabled: true, auto_apply_min_score: 80, locations: ['Bengaluru', 'Pune'] })

    const off = await patchProfile(token, { auto_apply: { review_mode_days: 0 } })
    expect(((await off.json()) as { auto_apply: unknown }).auto_apply).toMatchObject({ review_mode: false, review_mode_until: null })
  })

  test('PATCH of fields that do not feed the score leaves fit scores fresh', async () => {
    const { userId, token } = await kit.signIn()
    expect((await patchProfile(token, { auto_apply: { min_score: 60 }, wa_alerts_enabled: false })).status).toBe(200)
    expect((await userRow(userId)).fit_scores_stale).toBe(false)
  })

  test('a plan that forces review mode refuses to switch it off → 422, nothing written', async () => {
    const { token } = await kit.signIn()
    await kit.expectNoChange(async () =>
      expectError(await patchProfile(token, { auto_apply: { enabled: true, review_mode_days: 0 } }), 422, 'auto_apply.review_mode_days'),
    )
  })

  const invalid: [string, unknown, string][] = [
    ['empty patch', {}, 'body'],
    ['min score above 100', { auto_apply: { min_score: 101 } }, 'auto_apply.min_score'],
    ['negative salary', { expected_salary_inr: -5 }, 'expected_salary_inr'],
    ['fractional salary', { expected_salary_inr: 12.5 }, 'expected_salary_inr'],
    ['blank location', { locations: ['Pune', ' '] }, 'locations.1'],
    ['11 locations', { locations: Array.from({ length: 11 }, (_, i) => `City ${i}`) }, 'locations'],
    ['review for 91 days', { auto_apply: { review_mode_days: 91 } }, 'auto_apply.review_mode_days'],
    ['enabled not a boolean', { auto_apply: { enabled: 'yes' } }, 'auto_apply.enabled'],
    ['blank name', { full_name: '   ' }, 'full_name'],
  ]
  for (const [what, body, field] of invalid) {
    test(`${what} → 422 naming ${field}, nothing written`, async () => {
      const { token } = await kit.signIn()
      await kit.expectNoChange(async () => expectError(await patchProfile(token, body), 422, field))
    })
  }

  test('unauthenticated → 401, nothing written', async () => {
    await kit.expectNoChange(async () => {
      await expectError(await kit.call('GET', '/api/user/profile'), 401)
      await expectError(await patchProfile(undefined, { locations: ['Pune'] }), 401)
    })
  })
})
