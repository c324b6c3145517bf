import { treaty } from '@elysiajs/eden'
import type { App as Server1App } from '../../server1/index.ts'
import type { App as Server2App } from '../../server2/index.ts'
import type { App as Server3App } from '../../server3/index.ts'
import { createSignedFetch } from '../auth/signed-fetch.ts'

export interface InternalClients {
  server1: ReturnType<typeof treaty<Server1App>>
  server2: ReturnType<typeof treaty<Server2App>>
  server3: ReturnType<typeof treaty<Server3App>>
}

/** Eden treaty clients for every server-to-server direction; every request is HMAC-signed. */
export function createInternalClients(options: {
  secret: string
  urls: { server1: string; server2: string; server3: string }
  timeoutMs?: number
}): InternalClients {
  const config = {
    fetcher: createSignedFetch(options.secret),
    onRequest: () => ({ signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) }),
  }
  return {
    server1: treaty<Server1App>(options.urls.server1, config),
    server2: treaty<Server2App>(options.urls.server2, config),
    server3: treaty<Server3App>(options.urls.server3, config),
  }
}
