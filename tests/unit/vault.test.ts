import { describe, expect, test } from 'bun:test'
import { randomBytes } from 'node:crypto'
import { VaultConfigError, VaultDecryptError } from '../../shared/vault/errors.ts'
import { parseVaultKeys } from '../../shared/vault/keyring.ts'
import { decryptSecret, encryptSecret } from '../../shared/vault/secret-cipher.ts'

const key = () => randomBytes(32).toString('base64')
const session = JSON.stringify({ cookies: [{ name: 'li_at', value: 'AQEDAS-secret-token' }] })
const context = '6f1c1c3e-2b1a-4b8e-9a51-0c7c2f0e9d11:linkedin'

function expectDecryptFailure(run: () => unknown, reason: VaultDecryptError['reason']): void {
  let caught: unknown
  try {
    run()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(VaultDecryptError)
  expect((caught as VaultDecryptError).reason).toBe(reason)
}

describe('encryptSecret / decryptSecret', () => {
  const keyring = parseVaultKeys(`k1:${key()}`)

  test('round-trips, including non-ASCII text', () => {
    const sealed = encryptSecret(keyring, session, context)
    expect(decryptSecret(keyring, sealed, context)).toBe(session)
    const hindi = 'नमस्ते 🍪'
    expect(decryptSecret(keyring, encryptSecret(keyring, hindi), '')).toBe(hindi)
  })

  test('the same input encrypts differently every time (random IV)', () => {
    const blobs = Array.from({ length: 50 }, () => Buffer.from(encryptSecret(keyring, session, context).ciphertext))
    const ivs = new Set(blobs.map((blob) => blob.subarray(1, 13).toString('hex')))
    expect(new Set(blobs.map((blob) => blob.toString('hex'))).size).toBe(50)
    expect(ivs.size).toBe(50)
  })

  test('packs version | iv(12) | tag(16) | ciphertext', () => {
    const { ciphertext, keyId } = encryptSecret(keyring, 'abc', context)
    expect(keyId).toBe('k1')
    expect(ciphertext[0]).toBe(1)
    expect(ciphertext.length).toBe(1 + 12 + 16 + 3)
    expect(Buffer.from(ciphertext).includes(Buffer.from('abc'))).toBe(false)
  })

  const regions = { version: [0], iv: [1, 6, 12], tag: [13, 20, 28], ciphertext: [29, 40] } as const
  for (const [region, offsets] of Object.entries(regions)) {
    for (const offset of offsets) {
      test(`a flipped bit in the ${region} (byte ${offset}) fails`, () => {
        const sealed = encryptSecret(keyring, session, context)
        const tampered = new Uint8Array(sealed.ciphertext)
        tampered[offset] = (tampered[offset] ?? 0) ^ 0x01
        expectDecryptFailure(
          () => decryptSecret(keyring, { ...sealed, ciphertext: tampered }, context),
          region === 'version' ? 'unsupported_version' : 'auth_failed',
        )
      })
    }
  }

  test('truncated or appended bytes fail', () => {
    const sealed = encryptSecret(keyring, session, context)
    expectDecryptFailure(() => decryptSecret(keyring, { ...sealed, ciphertext: sealed.ciphertext.subarray(0, 20) }, context), 'malformed')
    expectDecryptFailure(
      () => decryptSecret(keyring, { ...sealed, ciphertext: sealed.ciphertext.subarray(0, sealed.ciphertext.length - 1) }, context),
      'auth_failed',
    )
    const longer = new Uint8Array([...sealed.ciphertext, 0])
    expectDecryptFailure(() => decryptSecret(keyring, { ...sealed, ciphertext: longer }, context), 'auth_failed')
  })

  test('a ciphertext moved to another row (different AAD context) fails', () => {
    const sealed = encryptSecret(keyring, session, context)
    expectDecryptFailure(() => decryptSecret(keyring, sealed, context.replace('linkedin', 'naukri')), 'auth_failed')
    expectDecryptFailure(() => decryptSecret(keyring, sealed, ''), 'auth_failed')
    expectDecryptFailure(() => decryptSecret(keyring, encryptSecret(keyring, session), context), 'auth_failed')
  })

  test('an unknown key id fails, and relabelling a blob with another key id fails', () => {
    const sealed = encryptSecret(keyring, session, context)
    expectDecryptFailure(() => decryptSecret(keyring, { ...sealed, keyId: 'k9' }, context), 'unknown_key')
    const twoKeys = parseVaultKeys(`k2:${key()},k1:${key()}`)
    expectDecryptFailure(() => decryptSecret(twoKeys, { ...sealed, keyId: 'k2' }, context), 'auth_failed')
  })

  test('error messages carry no plaintext', () => {
    const sealed = encryptSecret(keyring, session, context)
    expect(() => decryptSecret(keyring, sealed, 'other')).toThrow(VaultDecryptError)
    try {
      decryptSecret(keyring, sealed, 'other')
    } catch (error) {
      expect(String(error)).not.toContain('AQEDAS')
      expect(String(error)).not.toContain(context)
    }
  })
})

describe('key rotation', () => {
  test('old ciphertexts still decrypt after a new key is prepended; new ones use the new key', () => {
    const oldKey = key()
    const before = parseVaultKeys(`2024a:${oldKey}`)
    const sealedOld = encryptSecret(before, session, context)
    expect(sealedOld.keyId).toBe('2024a')

    const after = parseVaultKeys(`2025b:${key()},2024a:${oldKey}`)
    expect(after.currentKeyId).toBe('2025b')
    expect(decryptSecret(after, sealedOld, context)).toBe(session)

    const sealedNew = encryptSecret(after, session, context)
    expect(sealedNew.keyId).toBe('2025b')
    expect(decryptSecret(after, sealedNew, context)).toBe(session)
    // The old-only keyring cannot read secrets written under the new key.
    expectDecryptFailure(() => decryptSecret(before, sealedNew, context), 'unknown_key')
  })
})

describe('parseVaultKeys', () => {
  test('parses entries with surrounding whitespace; the first is current', () => {
    const ring = parseVaultKeys(` a:${key()} , b.2_x-y:${key()} `)
    expect(ring.currentKeyId).toBe('a')
    expect([...ring.keys.keys()]).toEqual(['a', 'b.2_x-y'])
    expect(ring.keys.get('a')?.length).toBe(32)
  })

  const secretKey = key()
  const malformed: [string, string | undefined, RegExp][] = [
    ['missing', undefined, /VAULT_KEYS is empty/],
    ['blank', '   ', /VAULT_KEYS is empty/],
    ['no colon', secretKey, /entry 1 has no ':'/],
    ['empty key id', `:${secretKey}`, /entry 1: key id/],
    ['bad key id characters', `a|b:${secretKey}`, /entry 1: key id/],
    ['stray comma', `k1:${secretKey},`, /entry 2 is empty/],
    ['duplicate id', `k1:${secretKey},k1:${key()}`, /entry 2: key id "k1" is listed twice/],
    ['not base64', 'k1:not*base64!', /entry 1 \(key id "k1"\): key is not valid base64/],
    ['16-byte key', `k1:${randomBytes(16).toString('base64')}`, /decodes to 16 bytes, AES-256 needs 32/],
    ['33-byte key', `k1:${randomBytes(33).toString('base64')}`, /decodes to 33 bytes/],
    ['hex instead of base64', `k1:${randomBytes(32).toString('hex')}`, /decodes to 48 bytes/],
  ]
  for (const [name, config, message] of malformed) {
    test(`rejects ${name} with a message naming the problem`, () => {
      let caught: unknown
      try {
        parseVaultKeys(config)
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(VaultConfigError)
      expect((caught as Error).message).toMatch(message)
      // never echo key material
      expect((caught as Error).message).not.toContain(secretKey)
    })
  }
})
