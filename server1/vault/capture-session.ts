import type { Sql } from '#shared/db/create-sql.ts'
import { unprocessable } from '#shared/http/http-error.ts'
import type { Keyring } from '#shared/vault/keyring.ts'
import { type PlatformSession, platformSessionProblem } from '#shared/vault/platform-session.ts'
import { encryptSecret } from '#shared/vault/secret-cipher.ts'
import type { Connection } from './connection.ts'
import type { Platform } from './platforms.ts'
import { sessionContext } from '#shared/vault/session-context.ts'

/**
 * Encrypts a captured login session and stores it as the user's valid connection for the
 * platform. A re-capture replaces the blob and clears every trace of an earlier invalidation,
 * so session health and the WA alert start over for the fresh session.
 */
export async function captureSession(
  sql: Sql,
  keyring: Keyring,
  userId: string,
  platform: Platform,
  session: PlatformSession,
): Promise<Connection> {
  const problem = platformSessionProblem(session)
  if (problem) throw unprocessable(problem, 'session')
  const sealed = encryptSecret(keyring, JSON.stringify(session), sessionContext(userId, platform))
  const [row] = await sql<Connection[]>`
    INSERT INTO user_connections (user_id, platform, ciphertext, key_id, is_valid)
    VALUES (${userId}, ${platform}, ${sealed.ciphertext}, ${sealed.keyId}, TRUE)
    ON CONFLICT (user_id, platform) DO UPDATE SET
      ciphertext = EXCLUDED.ciphertext, key_id = EXCLUDED.key_id, is_valid = TRUE,
      invalid_reason = NULL, invalidated_at = NULL, alerted_at = NULL, checked_at = NULL, captured_at = now()
    RETURNING platform, is_valid, invalid_reason, captured_at, checked_at`
  if (!row) throw new Error('user_connections upsert returned no row')
  return row
}
