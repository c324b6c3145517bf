import { SignJWT } from 'jose'
import type { Random } from './random.ts'

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

/**
 * Authorization headers no server may accept: missing, malformed, alg "none", signed with the
 * wrong key or algorithm, expired or not yet valid, or signed with the right key around a
 * subject that is not a user id (the one case where the signature is fine and only the claims
 * are wrong). Built once per run, so each is a real, well-formed token of its kind.
 */
export async function forgedAuthHeaders(realSecret: string, victimId: string): Promise<(string | undefined)[]> {
  const now = Math.floor(Date.now() / 1000)
  const right = new TextEncoder().encode(realSecret)
  const wrong = new TextEncoder().encode(`${realSecret}-but-not-quite`)
  const claims = { role: 'authenticated', aud: 'authenticated' }
  const sign = (key: Uint8Array, alg: string, edit: (jwt: SignJWT) => SignJWT) =>
    edit(new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' })).sign(key)

  const tokens = [
    `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: victimId, exp: now + 3600 })}.`,
    `${b64({ alg: 'NONE' })}.${b64({ sub: victimId, exp: now + 3600 })}.`,
    `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ sub: victimId, exp: now + 3600 })}.${b64('not-a-signature')}`,
    `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: victimId, exp: now + 3600 })}.`,
    `${b64({ alg: 'HS256', kid: "../../../dev/null' OR 1=1--" })}.${b64({ sub: victimId })}.AAAA`,
    await sign(wrong, 'HS256', (jwt) => jwt.setSubject(victimId).setExpirationTime('1h')),
    await sign(right, 'HS512', (jwt) => jwt.setSubject(victimId).setExpirationTime('1h')),
    await sign(right, 'HS256', (jwt) => jwt.setSubject(victimId).setIssuedAt(now - 7200).setExpirationTime(now - 3600)),
    await sign(right, 'HS256', (jwt) => jwt.setSubject(victimId).setNotBefore(now + 3600).setExpirationTime(now + 7200)),
    await sign(right, 'HS256', (jwt) => jwt.setSubject("' OR 1=1 --").setExpirationTime('1h')),
    await sign(right, 'HS256', (jwt) => jwt.setSubject('00000000-0000-0000-0000-00000000000g').setExpirationTime('1h')),
    await sign(right, 'HS256', (jwt) => jwt.setExpirationTime('1h')),
    'a.b.c',
    '...',
    'not-a-jwt',
    `${b64('{"alg":')}.${b64('{')}.x`,
    'A'.repeat(6_000),
  ]
  // a right signature over an edited payload: the classic tamper
  const good = await sign(right, 'HS256', (jwt) => jwt.setSubject(crypto.randomUUID()).setExpirationTime('1h'))
  const [header, , signature] = good.split('.')
  tokens.push(`${header}.${b64({ ...claims, sub: victimId, exp: now + 3600 })}.${signature}`)

  return [
    undefined,
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNzd29yZA==',
    'bearer lowercase-scheme',
    ...tokens.map((token) => `Bearer ${token}`),
  ]
}

export function pickForged(r: Random, headers: readonly (string | undefined)[]): Record<string, string> {
  const value = r.pick(headers)
  return value === undefined ? {} : { authorization: value }
}
