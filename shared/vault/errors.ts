/**
 * Vault errors. Messages name what is wrong (which entry, which reason) but
 * never carry key material, plaintext or ciphertext bytes, so they are safe to
 * log and to wrap in a 4xx/5xx.
 */

/** VAULT_KEYS is missing or malformed; thrown at startup so the server refuses to run. */
export class VaultConfigError extends Error {
  override readonly name = 'VaultConfigError'
}

export type VaultDecryptFailure =
  /** the row names a key id that is not in the keyring (key retired too early?) */
  | 'unknown_key'
  /** too short, or not produced by this vault */
  | 'malformed'
  /** a format version byte this code does not understand */
  | 'unsupported_version'
  /** GCM tag check failed: tampered bytes, wrong key, or wrong AAD (row moved) */
  | 'auth_failed'

export class VaultDecryptError extends Error {
  override readonly name = 'VaultDecryptError'
  constructor(
    readonly reason: VaultDecryptFailure,
    message: string,
  ) {
    super(message)
  }
}
