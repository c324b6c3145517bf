import { type Static, Type as T } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/**
 * What the browser extension captures for a job platform and the vault
 * encrypts: the login cookies plus, for platforms that keep their token
 * elsewhere, localStorage entries or request headers.
 */

/** Encrypted sessions live in one bytea per row; a real login is a few KB, so 64 KB is generous. */
export const MAX_PLATFORM_SESSION_BYTES = 64 * 1024

export const SessionCookie = T.Object(
  {
    name: T.String({ minLength: 1, maxLength: 4096 }),
    value: T.String({ maxLength: 4096 }),
    domain: T.Optional(T.String({ maxLength: 255 })),
    path: T.Optional(T.String({ maxLength: 1024 })),
    /** unix seconds; -1 is how Playwright marks a browser-session cookie */
    expires: T.Optional(T.Number({ minimum: -1 })),
    httpOnly: T.Optional(T.Boolean()),
    secure: T.Optional(T.Boolean()),
    sameSite: T.Optional(T.Union([T.Literal('Strict'), T.Literal('Lax'), T.Literal('None')])),
  },
  { additionalProperties: false },
)
export type SessionCookie = Static<typeof SessionCookie>

const StringMap = T.Record(T.String(), T.String())

export const PlatformSession = T.Object(
  {
    cookies: T.Array(SessionCookie, { maxItems: 300 }),
    localStorage: T.Optional(StringMap),
    headers: T.Optional(StringMap),
  },
  { additionalProperties: false },
)
export type PlatformSession = Static<typeof PlatformSession>

/**
 * The rules JSON Schema cannot say: the serialised session must fit the size
 * limit, and it must carry at least one credential (a session with no cookies
 * and no tokens would be stored as "valid" and fail on the first apply).
 * Returns the reason to reject, or null when the session is acceptable.
 */
export function platformSessionProblem(session: PlatformSession): string | null {
  const bytes = Buffer.byteLength(JSON.stringify(session), 'utf8')
  if (bytes > MAX_PLATFORM_SESSION_BYTES) {
    return `session is ${bytes} bytes; the limit is ${MAX_PLATFORM_SESSION_BYTES}`
  }
  const tokenCount = Object.keys(session.localStorage ?? {}).length + Object.keys(session.headers ?? {}).length
  if (session.cookies.length === 0 && tokenCount === 0) {
    return 'session has no cookies, localStorage entries or headers'
  }
  return null
}

/**
 * Full check for a session that did not come through a validated route body,
 * e.g. the JSON a consumer just decrypted. Error text names the field, never a value.
 */
export function parsePlatformSession(input: unknown): { session: PlatformSession } | { error: string } {
  if (!Value.Check(PlatformSession, input)) {
    const first = Value.Errors(PlatformSession, input).First()
    const where = first === undefined ? '' : first.path.replaceAll('/', '.')
    return { error: `session${where}: ${first?.message ?? 'does not match the schema'}` }
  }
  const problem = platformSessionProblem(input)
  return problem === null ? { session: input } : { error: problem }
}
