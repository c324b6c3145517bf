import { Elysia } from 'elysia'
import type { Sql } from '../db/create-sql.ts'
import { unauthorized } from '../http/http-error.ts'
import { InvalidTokenError, type TokenVerifier } from './user-auth.ts'

/** Users known to have their row, per database: several servers on different databases can share a process (tests). */
const knownUsersByDatabase = new WeakMap<Sql, Set<string>>()

/**
 * Frontend auth: the Supabase access token's `sub` is the only user id a handler trusts. The
 * first request of a new Supabase user creates their Talvix row.
 */
export function requireUser(verifyToken: TokenVerifier, sql: Sql) {
  let knownUsers = knownUsersByDatabase.get(sql)
  if (!knownUsers) knownUsersByDatabase.set(sql, (knownUsers = new Set()))
  // derive (not resolve) so authentication runs before validation: no schema details for strangers
  return new Elysia().derive({ as: 'scoped' }, async ({ headers }) => {
    const header = headers.authorization
    if (!header?.startsWith('Bearer ')) throw unauthorized('missing bearer token')
    const userId = await authenticate(verifyToken, header.slice('Bearer '.length).trim())
    if (!knownUsers.has(userId)) {
      await sql`INSERT INTO users (id) VALUES (${userId}) ON CONFLICT (id) DO NOTHING`
      knownUsers.add(userId)
    }
    return { userId }
  })
}

export async function authenticate(verifyToken: TokenVerifier, token: string): Promise<string> {
  return (await authenticateToken(verifyToken, token)).userId
}

/** `authenticate`, and when the token stops being valid (unix seconds; undefined: it has no exp). */
export async function authenticateToken(verifyToken: TokenVerifier, token: string): Promise<{ userId: string; expiresAt?: number }> {
  try {
    const { userId, claims } = await verifyToken(token)
    return { userId, expiresAt: claims.exp }
  } catch (error) {
    throw unauthorized(error instanceof InvalidTokenError ? error.message : 'invalid token')
  }
}
