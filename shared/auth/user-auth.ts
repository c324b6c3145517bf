import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose'

/** A UUID in either case: Supabase user ids, run ids, ids named on a command line or in payment notes. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type TokenVerifier = (token: string) => Promise<{ userId: string; claims: JWTPayload }>

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError'
}

/**
 * Verifies Supabase Auth access tokens: asymmetric keys from the project's JWKS (ES256/RS256,
 * Supabase's recommended setup) and/or the legacy HS256 secret, whichever are configured.
 */
export function createTokenVerifier(options: { jwtSecret?: string; jwksUrl?: string }): TokenVerifier {
  const secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : undefined
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined
  return async (token) => {
    const alg = readAlg(token)
    let payload: JWTPayload
    try {
      if (alg === 'HS256' && secret) {
        payload = (await jwtVerify(token, secret, { algorithms: ['HS256'] })).payload
      } else if ((alg === 'ES256' || alg === 'RS256') && jwks) {
        payload = (await jwtVerify(token, jwks, { algorithms: ['ES256', 'RS256'] })).payload
      } else {
        throw new InvalidTokenError(`token algorithm ${alg ?? 'unknown'} is not accepted`)
      }
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error
      const code = (error as { code?: string }).code
      throw new InvalidTokenError(code === 'ERR_JWT_EXPIRED' ? 'token expired' : 'token signature or claims invalid')
    }
    if (typeof payload.sub !== 'string' || !UUID_PATTERN.test(payload.sub)) {
      throw new InvalidTokenError('token has no user id (sub)')
    }
    return { userId: payload.sub.toLowerCase(), claims: payload }
  }
}

function readAlg(token: string): string | undefined {
  const header = token.split('.')[0]
  if (!header) return undefined
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }
    return typeof parsed.alg === 'string' ? parsed.alg : undefined
  } catch {
    return undefined
  }
}
