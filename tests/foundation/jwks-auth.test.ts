import { afterAll, beforeAll, expect, test } from 'bun:test'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { createTokenVerifier, InvalidTokenError } from '#shared/auth/user-auth.ts'

/** Supabase's recommended asymmetric keys: ES256 tokens checked against the project's JWKS URL. */
const USER = '8d1c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f'
let keys: CryptoKeyPair
let jwks: ReturnType<typeof Bun.serve>

beforeAll(async () => {
  keys = await generateKeyPair('ES256')
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }
  jwks = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => Response.json({ keys: [jwk] }) })
})

afterAll(() => {
  jwks.stop(true)
})

const sign = (key: CryptoKey, expiresIn = '1h') =>
  new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject(USER).setIssuedAt().setExpirationTime(expiresIn).sign(key)

test('an ES256 token signed by the project key is accepted via JWKS', async () => {
  const verify = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${jwks.port}/auth/v1/.well-known/jwks.json` })
  expect((await verify(await sign(keys.privateKey))).userId).toBe(USER)
})

test('an ES256 token signed by another key is refused', async () => {
  const verify = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${jwks.port}/jwks` })
  const stranger = await generateKeyPair('ES256')
  await expect(verify(await sign(stranger.privateKey))).rejects.toBeInstanceOf(InvalidTokenError)
})

test('an HS256 token is refused when only JWKS is configured (no algorithm confusion)', async () => {
  const verify = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${jwks.port}/jwks` })
  const hs = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(USER).setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(40)))
  await expect(verify(hs)).rejects.toThrow('not accepted')
})
