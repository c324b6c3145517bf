import { timingSafeEqual } from 'node:crypto'
import { Elysia } from 'elysia'
import type { Sql } from '../db/create-sql.ts'
import { unauthorized } from '../http/http-error.ts'
import type { TokenVerifier } from './user-auth.ts'

function sameSecret(a: string, b: string) {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** Operator routes: the configured ADMIN_TOKEN, or the access token of a user flagged is_admin. */
export function requireAdmin(adminToken: string | undefined, verifyToken: TokenVerifier, sql: Sql) {
  return new Elysia().onBeforeHandle({ as: 'scoped' }, async ({ headers }) => {
    const token = headers.authorization?.startsWith('Bearer ') ? headers.authorization.slice(7).trim() : ''
    if (!token) throw unauthorized('missing bearer token')
    if (adminToken && sameSecret(token, adminToken)) return
    const userId = await verifyToken(token).then(
      (verified) => verified.userId,
      () => null,
    )
    const [admin] = userId ? await sql`SELECT 1 FROM users WHERE id = ${userId} AND is_admin` : []
    if (!admin) throw unauthorized('an admin token is required')
  })
}
