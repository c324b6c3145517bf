/** A bare HTTP/1.1 exchange over TCP: what fetch will not send (unnormalised paths, lying Content-Length, upgrades). */
export interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

const decoder = new TextDecoder()

export async function rawRequest(port: number, request: Uint8Array, timeoutMs: number): Promise<RawAnswer> {
  const chunks: Uint8Array[] = []
  const closed = Promise.withResolvers<void>()
  const socket = await Bun.connect({
    hostname: '127.0.0.1',
    port,
    socket: {
      data(_socket, data) {
        chunks.push(new Uint8Array(data))
        const answer = parse(Buffer.concat(chunks))
        if (answer) closed.resolve()
      },
      close() {
        closed.resolve()
      },
      error(_socket, error) {
        closed.reject(error)
      },
    },
  })
  socket.write(request)
  const timer = setTimeout(() => closed.reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  try {
    await closed.promise
  } finally {
    clearTimeout(timer)
    socket.end()
  }
  const answer = parse(Buffer.concat(chunks))
  if (!answer) throw new Error(`incomplete answer: ${JSON.stringify(decoder.decode(Buffer.concat(chunks)).slice(0, 200))}`)
  return answer
}

/** The answer once it is complete (Content-Length or chunked), else undefined. */
function parse(bytes: Buffer): RawAnswer | undefined {
  const end = bytes.indexOf('\r\n\r\n')
  if (end < 0) return undefined
  const [statusLine = '', ...lines] = decoder.decode(bytes.subarray(0, end)).split('\r\n')
  const status = Number(statusLine.split(' ')[1])
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const rest = bytes.subarray(end + 4)
  if (status === 101) return { status, headers, body: '' }
  if (headers['transfer-encoding']?.includes('chunked')) {
    const body = dechunk(rest)
    return body === undefined ? undefined : { status, headers, body }
  }
  const length = Number(headers['content-length'] ?? 0)
  if (rest.length < length) return undefined
  return { status, headers, body: decoder.decode(rest.subarray(0, length)) }
}

function dechunk(bytes: Buffer): string | undefined {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at)
    if (lineEnd < 0) return undefined
    const size = Number.parseInt(decoder.decode(bytes.subarray(at, lineEnd)), 16)
    if (Number.isNaN(size)) return undefined
    if (size === 0) return decoder.decode(Buffer.concat(parts))
    const start = lineEnd + 2
    if (bytes.length < start + size + 2) return undefined
    parts.push(bytes.subarray(start, start + size))
    at = start + size + 2
  }
}
