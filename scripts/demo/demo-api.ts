export type Call = <T>(method: string, path: string, body?: FormData | object) => Promise<T>

/** Server 1 over HTTP with one bearer token; a non-2xx answer throws, naming the call and the answer. */
export function apiAs(baseUrl: string, token: string): Call {
  return async <T>(method: string, path: string, body?: FormData | object): Promise<T> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` }
    let payload: BodyInit | undefined
    if (body instanceof FormData) payload = body
    else if (body !== undefined) {
      headers['content-type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: payload })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`)
    return (text ? JSON.parse(text) : null) as T
  }
}
