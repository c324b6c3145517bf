import type { Keyring } from '#shared/vault/keyring.ts'
import { parsePlatformSession, type PlatformSession } from '#shared/vault/platform-session.ts'
import { decryptSecret } from '#shared/vault/secret-cipher.ts'
import { sessionContext } from '#shared/vault/session-context.ts'

export interface ConnectionRow {
  id: string
  user_id: string
  platform: string
  ciphertext: Uint8Array
  key_id: string
}

/**
 * Decrypts one user_connections row (bound to `userId:platform`, so a row copied to another user
 * fails) and validates the session. A failure is a reason the connection is unusable, never a
 * secret: messages name the key id or the field, not a value.
 */
export function openSession(keyring: Keyring, row: ConnectionRow): { session: PlatformSession } | { problem: string } {
  let plaintext: string
  try {
    plaintext = decryptSecret(keyring, { ciphertext: row.ciphertext, keyId: row.key_id }, sessionContext(row.user_id, row.platform))
  } catch (error) {
    return { problem: `stored session cannot be decrypted (${error instanceof Error ? error.message : 'unknown error'})` }
  }
  let json: unknown
  try {
    json = JSON.parse(plaintext)
  } catch {
    return { problem: 'stored session is not JSON' }
  }
  const parsed = parsePlatformSession(json)
  return 'error' in parsed ? { problem: `stored session is invalid: ${parsed.error}` } : parsed
}
