import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { randomBytes } from 'node:crypto'
import { VaultDecryptError } from '#shared/vault/errors.ts'
import { parseVaultKeys } from '#shared/vault/keyring.ts'
import { decryptSecret } from '#shared/vault/secret-cipher.ts'
import { TEST_SECRETS } from '../../support/test-config.ts'
import { type ApiKit, expectError, startApiKit } from './api-test-kit.ts'

let kit: ApiKit
beforeAll(async () => {
  kit = await startApiKit()
})
afterAll(() => kit.stop())

const SECRET_VALUE = 'AQEDAS-li_at-very-secret-token'
const session = {
  cookies: [{ name: 'li_at', value: SECRET_VALUE, domain: '.linkedin.com', httpOnly: true, secure: true, sameSite: 'None' }],
  localStorage: { voyager: 'token-2' },
}

const capture = (token: string | undefined, body: unknown) => kit.call('POST', '/api/vault/capture', { token, json: body })

async function storedRow(userId: string, platform: string) {
  const [row] = await kit.sql<{ ciphertext: Uint8Array; key_id: string }[]>`
    SELECT ciphertext, key_id FROM user_connections WHERE user_id = ${userId} AND platform = ${platform}`
  if (!row) throw new Error('no connection row')
  return { ciphertext: row.ciphertext, keyId: row.key_id }
}

describe('POST /api/vault/capture', () => {
  test('stores the session encrypted: decrypts to the input, never echoed back', async () => {
    const { userId, token } = await kit.signIn()
    const res = await capture(token, { platform: 'linkedin', session })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain(SECRET_VALUE)
    expect(JSON.parse(text)).toMatchObject({ platform: 'linkedin', is_valid: true, invalid_reason: null })
    const row = await storedRow(userId, 'linkedin')
    expect(Buffer.from(row.ciphertext).toString('latin1')).not.toContain(SECRET_VALUE)
    const keyring = parseVaultKeys(TEST_SECRETS.VAULT_KEYS)
    expect(row.keyId).toBe('k1')
    expect(JSON.parse(decryptSecret(keyring, row, `${userId}:linkedin`))).toEqual(session)
  })

  test('the same session captured twice: different ciphertext, one row', async () => {
    const { userId, token } = await kit.signIn()
    await capture(token, { platform: 'naukri', session })
    const first = await storedRow(userId, 'naukri')
    await capture(token, { platform: 'naukri', session })
    const second = await storedRow(userId, 'naukri')
    expect(Buffer.from(first.ciphertext).equals(Buffer.from(second.ciphertext))).toBe(false)
    expect(await kit.sql`SELECT 1 FROM user_connections WHERE user_id = ${userId}`).toHaveLength(1)
  })

  test('a flipped byte, another user context or another platform fails to decrypt', async () => {
    const { userId, token } = await kit.signIn()
    await capture(token, { platform: 'indeed', session })
    const row = await storedRow(userId, 'indeed')
    const keyring = parseVaultKeys(TEST_SECRETS.VAULT_KEYS)
    for (const position of [0, 5, 20, row.ciphertext.length - 1]) {
      const tampered = new Uint8Array(row.ciphertext)
      tampered[position] = (tampered[position] ?? 0) ^ 0x01
      expect(() => decryptSecret(keyring, { ciphertext: tampered, keyId: row.keyId }, `${userId}:indeed`)).toThrow(VaultDecryptError)
    }
    expect(() => decryptSecret(keyring, row, `${crypto.randomUUID()}:indeed`)).toThrow(VaultDecryptError)
    expect(() => decryptSecret(keyring, row, `${userId}:linkedin`)).toThrow(VaultDecryptError)
  })

  test('re-capture after an invalidation makes the connection valid and clears the invalidation', async () => {
    const { userId, token } = await kit.signIn()
    await capture(token, { platform: 'wellfound', session })
    await kit.sql`
      UPDATE user_connections SET is_valid = FALSE, invalid_reason = 'logged out', invalidated_at = now(), alerted_at = now(), checked_at = now()
       WHERE user_id = ${userId}`
    expect((await capture(token, { platform: 'wellfound', session })).status).toBe(200)
    const [row] = await kit.sql`
      SELECT is_valid, invalid_reason, invalidated_at, alerted_at, checked_at FROM user_connections WHERE user_id = ${userId}`
    expect(row).toEqual({ is_valid: true, invalid_reason: null, invalidated_at: null, alerted_at: null, checked_at: null })
  })

  const invalidBodies: [string, unknown, string][] = [
    ['unsupported platform', { platform: 'monster', session }, 'platform'],
    ['missing platform', { session }, 'platform'],
    ['missing session', { platform: 'linkedin' }, 'session'],
    ['session without any credential', { platform: 'linkedin', session: { cookies: [] } }, 'session'],
    ['cookie without a name', { platform: 'linkedin', session: { cookies: [{ value: 'x' }] } }, 'session.cookies.0.name'],
    ['oversized session', { platform: 'linkedin', session: { cookies: Array.from({ length: 20 }, (_, i) => ({ name: `c${i}`, value: 'x'.repeat(4000) })) } }, 'session'],
  ]
  for (const [what, body, field] of invalidBodies) {
    test(`${what} → 422 naming ${field}, nothing written`, async () => {
      const { token } = await kit.signIn()
      await kit.expectNoChange(async () => {
        const error = await expectError(await capture(token, body), 422, field)
        expect(error.message).not.toContain(SECRET_VALUE)
      })
    })
  }

  test('properties the session schema does not know are dropped, never stored', async () => {
    const { userId, token } = await kit.signIn()
    expect((await capture(token, { platform: 'linkedin', session: { ...session, password: 'hunter2' } })).status).toBe(200)
    const stored = decryptSecret(parseVaultKeys(TEST_SECRETS.VAULT_KEYS), await storedRow(userId, 'linkedin'), `${userId}:linkedin`)
    expect(JSON.parse(stored)).toEqual(session)
  })

  test('unauthenticated → 401, nothing written', async () => {
    await kit.expectNoChange(async () => expectError(await capture(undefined, { platform: 'linkedin', session }), 401))
  })
})

describe('GET /api/vault and DELETE /api/vault/:platform', () => {
  test('lists platforms and validity only, for the signed-in user only', async () => {
    const { token } = await kit.signIn()
    const other = await kit.signIn()
    await capture(token, { platform: 'linkedin', session })
    await capture(token, { platform: 'instahyre', session })
    await capture(other.token, { platform: 'naukri', session })
    const res = await kit.call('GET', '/api/vault', { token })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain(SECRET_VALUE)
    expect(text).not.toContain('ciphertext')
    const list = JSON.parse(text) as { platform: string; is_valid: boolean }[]
    expect(list.map((c) => [c.platform, c.is_valid])).toEqual([
      ['instahyre', true],
      ['linkedin', true],
    ])
  })

  test('delete removes one platform → 204; deleting again → 404', async () => {
    const { userId, token } = await kit.signIn()
    await capture(token, { platform: 'linkedin', session })
    await capture(token, { platform: 'naukri', session })
    expect((await kit.call('DELETE', '/api/vault/linkedin', { token })).status).toBe(204)
    const left = await kit.sql`SELECT platform FROM user_connections WHERE user_id = ${userId}`
    expect(left.map((r) => r.platform)).toEqual(['naukri'])
    await kit.expectNoChange(async () => expectError(await kit.call('DELETE', '/api/vault/linkedin', { token }), 404))
  })

  test("another user's connection → 404 and it stays", async () => {
    const owner = await kit.signIn()
    const intruder = await kit.signIn()
    await capture(owner.token, { platform: 'indeed', session })
    await kit.expectNoChange(async () => expectError(await kit.call('DELETE', '/api/vault/indeed', { token: intruder.token }), 404))
  })

  test('unknown platform → 422 naming it; unauthenticated → 401', async () => {
    const { token } = await kit.signIn()
    await kit.expectNoChange(async () => {
      await expectError(await kit.call('DELETE', '/api/vault/myspace', { token }), 422, 'platform')
      await expectError(await kit.call('DELETE', '/api/vault/linkedin'), 401)
      await expectError(await kit.call('GET', '/api/vault'), 401)
    })
  })
})

describe('key rotation', () => {
  test('after prepending a new key: old rows still decrypt, new captures use the new key id', async () => {
    const { userId, token } = await kit.signIn()
    await capture(token, { platform: 'linkedin', session })
    const rotatedKeys = `k2:${randomBytes(32).toString('base64')},${TEST_SECRETS.VAULT_KEYS}`
    const rotated = await startApiKit({ VAULT_KEYS: rotatedKeys }, kit.db)
    try {
      const keyring = parseVaultKeys(rotatedKeys)
      const old = await storedRow(userId, 'linkedin')
      expect(old.keyId).toBe('k1')
      expect(JSON.parse(decryptSecret(keyring, old, `${userId}:linkedin`))).toEqual(session)
      const newToken = (await rotated.signIn(userId)).token
      expect((await rotated.call('POST', '/api/vault/capture', { token: newToken, json: { platform: 'naukri', session } })).status).toBe(200)
      const fresh = await storedRow(userId, 'naukri')
      expect(fresh.keyId).toBe('k2')
      expect(JSON.parse(decryptSecret(keyring, fresh, `${userId}:naukri`))).toEqual(session)
      // a server that dropped k1 too early cannot read the old row, and says which key is missing
      const withoutOld = parseVaultKeys(rotatedKeys.split(',')[0] ?? '')
      expect(() => decryptSecret(withoutOld, old, `${userId}:linkedin`)).toThrow('"k1" is not configured')
    } finally {
      await rotated.stop()
    }
  })
})
