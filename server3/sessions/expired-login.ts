import type { PlatformSession } from '#shared/vault/platform-session.ts'
import type { PlatformProfile } from './platform-profiles.ts'

/**
 * Why the stored login is over by its own cookie dates, or null while it may still be good.
 * Only the platform's login cookies count when they are present (a tracking cookie expiring
 * means nothing); a session cookie (-1 / no expiry) never expires by date.
 */
export function expiredLogin(session: PlatformSession, profile: PlatformProfile, now: Date): string | null {
  const nowSeconds = now.getTime() / 1000
  const auth = session.cookies.filter((cookie) => profile.authCookies.includes(cookie.name))
  const judged = auth.length > 0 ? auth : session.cookies
  const dated = judged.filter((cookie) => cookie.expires !== undefined && cookie.expires > 0)
  if (dated.length === 0 || dated.length < judged.length) return null
  const expired = dated.filter((cookie) => (cookie.expires ?? 0) <= nowSeconds)
  if (auth.length > 0 ? expired.length > 0 : expired.length === dated.length) {
    const latest = Math.max(...expired.map((cookie) => cookie.expires ?? 0))
    return `login cookie ${expired[0]?.name ?? ''} expired on ${new Date(latest * 1000).toISOString().slice(0, 10)}`
  }
  return null
}
