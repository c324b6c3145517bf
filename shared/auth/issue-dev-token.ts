import { SignJWT } from 'jose'

/** Mints a Supabase-shaped access token with the local HS256 secret (dev and tests only). */
export async function issueDevToken(secret: string, userId: string, options: { expiresIn?: string | number; email?: string } = {}) {
  return new SignJWT({ role: 'authenticated', email: options.email ?? `${userId.slice(0, 8)}@example.test` })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setAudience('authenticated')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(secret))
}
