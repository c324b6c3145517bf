/**
 * What Talvix knows about each platform a user can connect: where a logged-in page lives (the
 * session probe), and which cookies carry the login, so an expired login is spotted from the
 * cookie jar alone before any request is made.
 */
export interface PlatformProfile {
  /** the real site; SESSION_PROBE_URLS overrides it (a proxy, a test fixture) */
  baseUrl: string
  /** a page only a logged-in member sees */
  probePath: string
  /** cookies that hold the login; empty = judge by every cookie that has an expiry */
  authCookies: string[]
}

export const PLATFORM_PROFILES: Record<string, PlatformProfile> = {
  linkedin: { baseUrl: 'https://www.linkedin.com', probePath: '/feed/', authCookies: ['li_at'] },
  naukri: { baseUrl: 'https://www.naukri.com', probePath: '/mnjuser/homepage', authCookies: ['nauk_at'] },
  indeed: { baseUrl: 'https://secure.indeed.com', probePath: '/settings/account', authCookies: ['SOCK', 'SHOE'] },
  instahyre: { baseUrl: 'https://www.instahyre.com', probePath: '/candidate/opportunities/', authCookies: ['sessionid'] },
  wellfound: { baseUrl: 'https://wellfound.com', probePath: '/jobs', authCookies: [] },
}

/** Platforms whose job postings are applied to as a logged-in member (ATS boards and email need no session). */
export const SESSION_PLATFORMS = ['linkedin', 'naukri', 'indeed', 'instahyre', 'wellfound'] as const

/** `SESSION_PROBE_URLS` ("linkedin=http://127.0.0.1:4000,naukri=…") over the real sites. */
export function probeBaseUrls(setting: string): Record<string, string> {
  const urls: Record<string, string> = {}
  for (const [platform, profile] of Object.entries(PLATFORM_PROFILES)) urls[platform] = profile.baseUrl
  for (const entry of setting.split(',').filter(Boolean)) {
    const eq = entry.indexOf('=')
    urls[entry.slice(0, eq)] = entry.slice(eq + 1).replace(/\/+$/, '')
  }
  return urls
}
