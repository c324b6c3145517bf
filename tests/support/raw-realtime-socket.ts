import { waitFor } from './wait-for.ts'

/** A frame the server sent, JSON-decoded: an array under vsn 2.0.0, an object under 1.0.0. */
export type ServerFrame = unknown

/**
 * Server 1's realtime socket without realtime-js: sends exactly the frames a test or the fuzzer
 * writes and records every frame and the close, to check the wire format and hostile input.
 */
export class RawRealtimeSocket {
  readonly frames: ServerFrame[] = []
  closed: { code: number; reason: string } | null = null

  private constructor(private readonly socket: WebSocket) {
    socket.binaryType = 'arraybuffer'
    socket.addEventListener('message', (event) => this.frames.push(typeof event.data === 'string' ? JSON.parse(event.data) : event.data))
    socket.addEventListener('close', (event) => (this.closed = { code: event.code, reason: event.reason }))
  }

  static async open(server1Url: string, query: Record<string, string>): Promise<RawRealtimeSocket> {
    const url = new URL('/realtime/v1/websocket', server1Url.replace(/^http/, 'ws'))
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
    const socket = new WebSocket(url)
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true })
      socket.addEventListener('error', () => reject(new Error('realtime socket failed to open')), { once: true })
    })
    return new RawRealtimeSocket(socket)
  }

  /** Objects and arrays go as JSON text, strings as they are, bytes as a binary frame. */
  send(frame: unknown) {
    if (frame instanceof Uint8Array) this.socket.send(new Uint8Array(frame))
    else this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
  }

  /** The first recorded frame (from `from` on) that `match` accepts. */
  next(match: (frame: ServerFrame) => boolean, timeoutMs = 5_000, from = 0) {
    return waitFor('a matching frame', () => this.frames.slice(from).find(match), timeoutMs)
  }

  waitClosed(timeoutMs = 5_000) {
    return waitFor('the socket to close', () => this.closed, timeoutMs)
  }

  close() {
    this.socket.close()
  }
}

/** vsn 2.0.0 frame fields by name. */
export const v2 = (frame: ServerFrame) => {
  const [join_ref, ref, topic, event, payload] = frame as [string | null, string | null, string, string, Record<string, unknown>]
  return { join_ref, ref, topic, event, payload }
}
