import { waitFor } from './wait-for.ts'

export interface RealtimeClient {
  messages: { type: string; notification?: { id: number; kind: string; user_id: string } }[]
  socket: WebSocket
  close(): void
}

/** Opens Server 1's realtime socket as a browser would (token in the query) and records what arrives. */
export async function connectRealtime(server1Url: string, token: string, since?: number): Promise<RealtimeClient> {
  const url = new URL('/api/realtime', server1Url.replace('http', 'ws'))
  url.searchParams.set('token', token)
  if (since !== undefined) url.searchParams.set('since', String(since))
  const socket = new WebSocket(url)
  const client: RealtimeClient = { messages: [], socket, close: () => socket.close() }
  socket.addEventListener('message', (event) => client.messages.push(JSON.parse(String(event.data))))
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true })
    socket.addEventListener('error', () => reject(new Error('realtime socket failed to open')), { once: true })
    socket.addEventListener('close', () => reject(new Error('realtime socket closed while opening')), { once: true })
  })
  // the server subscribes in its open handler; give it a moment before the test starts inserting
  await Bun.sleep(50)
  return client
}

export function notificationsOf(client: RealtimeClient, kind?: string) {
  return client.messages
    .filter((m) => m.type === 'notification' && (!kind || m.notification?.kind === kind))
    .map((m) => m.notification!)
}

export async function waitForNotification(client: RealtimeClient, kind: string, timeoutMs = 10_000) {
  return waitFor(`a ${kind} push`, () => notificationsOf(client, kind)[0], timeoutMs)
}
