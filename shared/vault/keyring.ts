import { VaultConfigError } from './errors.ts'

/** AES-256 needs exactly 32 bytes of key. */
export const VAULT_KEY_BYTES = 32

/** Key ids are stored beside every ciphertext and go into the AAD, so keep them short and plain. */
const KEY_ID_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/

export type Keyring = {
  /** the key new secrets are encrypted with: the first entry of VAULT_KEYS */
  readonly currentKeyId: string
  /** every configured key; any of them may decrypt (old keys stay until rows are re-encrypted) */
  readonly keys: ReadonlyMap<string, Uint8Array>
}

/**
 * Parses `VAULT_KEYS` = comma-separated `keyId:base64Key` entries. The first
 * entry is the current encryption key; rotation = prepend a new entry and keep
 * the old ones until no row uses them. Errors name the entry by position and
 * id, never the key text.
 */
export function parseVaultKeys(config: string | undefined): Keyring {
  if (config === undefined || config.trim() === '') {
    throw new VaultConfigError('VAULT_KEYS is empty: expected comma-separated keyId:base64Key entries')
  }
  const keys = new Map<string, Uint8Array>()
  let currentKeyId: string | undefined
  for (const [index, rawEntry] of config.split(',').entries()) {
    const where = `VAULT_KEYS entry ${index + 1}`
    const entry = rawEntry.trim()
    if (entry === '') throw new VaultConfigError(`${where} is empty (stray comma?)`)
    const colon = entry.indexOf(':')
    if (colon === -1) throw new VaultConfigError(`${where} has no ':' (expected keyId:base64Key)`)
    const keyId = entry.slice(0, colon)
    const encoded = entry.slice(colon + 1)
    if (!KEY_ID_PATTERN.test(keyId)) {
      throw new VaultConfigError(`${where}: key id must be 1-32 characters of A-Z a-z 0-9 _ . -`)
    }
    if (keys.has(keyId)) throw new VaultConfigError(`${where}: key id "${keyId}" is listed twice`)
    if (!BASE64_PATTERN.test(encoded) || encoded.length % 4 !== 0) {
      throw new VaultConfigError(`${where} (key id "${keyId}"): key is not valid base64`)
    }
    const key = new Uint8Array(Buffer.from(encoded, 'base64'))
    if (key.length !== VAULT_KEY_BYTES) {
      throw new VaultConfigError(
        `${where} (key id "${keyId}"): key decodes to ${key.length} bytes, AES-256 needs ${VAULT_KEY_BYTES}`,
      )
    }
    keys.set(keyId, key)
    currentKeyId ??= keyId
  }
  if (currentKeyId === undefined) throw new VaultConfigError('VAULT_KEYS has no entries')
  return { currentKeyId, keys }
}
