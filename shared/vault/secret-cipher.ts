import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { VaultDecryptError } from './errors.ts'
import type { Keyring } from './keyring.ts'

/**
 * AES-256-GCM envelope: `version(1) | iv(12) | tag(16) | ciphertext`.
 * The version byte lets the format change without guessing; the key id is
 * stored beside the blob (user_connections.key_id) so keys can rotate.
 */
const FORMAT_VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES

export type SealedSecret = { ciphertext: Uint8Array; keyId: string }

/**
 * The authenticated data binds the blob to its format, its key id and the
 * caller's context (e.g. `userId:platform`), so a ciphertext copied into
 * another user's row, or relabelled with another key id, fails to decrypt.
 * Key ids cannot contain '|', so the fields cannot run into each other.
 */
function associatedData(keyId: string, context: string): Buffer {
  return Buffer.from(`talvix-vault|v${FORMAT_VERSION}|${keyId}|${context}`, 'utf8')
}

/** Encrypts with the keyring's current key and a fresh random IV (never reuse an IV under GCM). */
export function encryptSecret(keyring: Keyring, plaintext: string, context = ''): SealedSecret {
  const keyId = keyring.currentKeyId
  const key = keyring.keys.get(keyId)
  if (key === undefined) throw new Error(`vault keyring has no key for its current key id "${keyId}"`)
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(associatedData(keyId, context))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  const tag = cipher.getAuthTag()
  const ciphertext = new Uint8Array(HEADER_BYTES + body.length)
  ciphertext[0] = FORMAT_VERSION
  ciphertext.set(iv, 1)
  ciphertext.set(tag, 1 + IV_BYTES)
  ciphertext.set(body, HEADER_BYTES)
  return { ciphertext, keyId }
}

/** Decrypts a sealed secret with the key its id names; any tampering throws VaultDecryptError. */
export function decryptSecret(keyring: Keyring, sealed: SealedSecret, context = ''): string {
  const { ciphertext, keyId } = sealed
  const key = keyring.keys.get(keyId)
  if (key === undefined) {
    throw new VaultDecryptError('unknown_key', `vault key id "${keyId}" is not configured in VAULT_KEYS`)
  }
  if (ciphertext.length < HEADER_BYTES) {
    throw new VaultDecryptError('malformed', `vault ciphertext is ${ciphertext.length} bytes, shorter than its header`)
  }
  if (ciphertext[0] !== FORMAT_VERSION) {
    throw new VaultDecryptError('unsupported_version', `vault ciphertext has unknown format version ${ciphertext[0]}`)
  }
  const iv = ciphertext.subarray(1, 1 + IV_BYTES)
  const tag = ciphertext.subarray(1 + IV_BYTES, HEADER_BYTES)
  const body = ciphertext.subarray(HEADER_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  decipher.setAAD(associatedData(keyId, context))
  decipher.setAuthTag(tag)
  try {
    const plaintext = Buffer.concat([decipher.update(body), decipher.final()])
    return plaintext.toString('utf8')
  } catch {
    // node:crypto's message here is generic; ours says what it means for the row.
    throw new VaultDecryptError(
      'auth_failed',
      'vault ciphertext failed authentication (tampered, wrong key, or stored under another context)',
    )
  }
}
