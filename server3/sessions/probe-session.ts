import type { PlatformSession } from '#shared/vault/platform-session.ts'
import { type Blocker, blockerFromPage, blockerFromUrl } from './page-blockers.ts'

export type ProbeResult =
  | { status: 'valid' }
  | { status: 'invalid'; blocker: Blocker; detail: string }
  /** the platform could not tell (down, throttling): not a reason to disconnect anyone */
  | { status: 'inconclusive'; detail: string }

export function cookieHeader(session: PlatformSession): string {
  return session.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
}

/**
 * Asks the platform for a members-only page with the stored cookies. Redirects are not followed:
 * where the platform sends a logged-out visitor (login, authwall, checkpoint) is the answer.
 */
export async function probeSession(
  session: PlatformSession,
  url: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<ProbeResult> {
  const doFetch = options.fetch ?? fetch
  let response: Response
  try {
    response = await doFetch(url, {
      redirect: 'manual',
      headers: { cookie: cookieHeader(session), ...session.headers, accept: 'text/html' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    })
  } catch (error) {
    return { status: 'inconclusive', detail: `probe failed: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (response.status >= 300 && response.status < 400) {
    const location = new URL(response.headers.get('location') ?? '/', url).toString()
    const blocker = blockerFromUrl(location)
    return blocker
      ? { status: 'invalid', blocker, detail: `redirected to ${new URL(location).pathname}` }
      : { status: 'inconclusive', detail: `redirected to ${new URL(location).pathname}` }
  }
  if (response.status === 401 || response.status === 403) {
    return { status: 'invalid', blocker: 'login_wall', detail: `HTTP ${response.status}` }
  }
  if (!response.ok) return { status: 'inconclusive', detail: `HTTP ${response.status}` }
  const html = await response.text()
  const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ')
  const blocker = blockerFromPage(html, text)
  return blocker ? { status: 'invalid', blocker, detail: 'page shows a wall' } : { status: 'valid' }
}
