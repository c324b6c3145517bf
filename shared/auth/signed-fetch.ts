import { signInternalRequest } from './internal-signature.ts'

/** A fetch for Eden treaty clients that signs every request it sends. */
export function createSignedFetch(secret: string, baseFetch: typeof fetch = fetch): typeof fetch {
  const signed = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const method = init.method ?? (input instanceof Request ? input.method : 'GET')
    const body = typeof init.body === 'string' ? init.body : ''
    const headers = new Headers(init.headers)
    for (const [name, value] of Object.entries(signInternalRequest(secret, method, url.pathname, body))) {
      headers.set(name, value)
    }
    return baseFetch(url, { ...init, method, headers })
  }
  return Object.assign(signed, { preconnect: baseFetch.preconnect }) as typeof fetch
}
