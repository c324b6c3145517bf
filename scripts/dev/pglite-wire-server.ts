import { createServer, type Server, type Socket } from 'node:net'
import type { PGlite } from '@electric-sql/pglite'

const SSL_REQUEST = 80877103
const CANCEL_REQUEST = 80877102
/** Messages that end a client's unit of work: Sync, simple Query, Terminate, Flush. */
const BATCH_END = new Set(['S', 'Q', 'X', 'H'].map((c) => c.charCodeAt(0)))
const QUERY = 'Q'.charCodeAt(0)
const COPY_DONE = 'c'.charCodeAt(0)
const COPY_FAIL = 'f'.charCodeAt(0)
const COPY_IN_RESPONSE_TYPE = 'G'.charCodeAt(0)
/** CopyInResponse: text format, no per-column formats (clients only wait for the message). */
const COPY_IN_RESPONSE = new Uint8Array([COPY_IN_RESPONSE_TYPE, 0, 0, 0, 7, 0, 0, 0])
const COPY_FROM_STDIN = /^\s*copy\b[\s\S]*\bfrom\s+stdin\b/i

interface Connection {
  socket: Socket
  buffer: Buffer
  started: boolean
  pending: Uint8Array[]
  /** a COPY ... FROM STDIN in progress: the query, then the client's CopyData messages */
  copy: Uint8Array[] | null
}

interface Batch {
  connection: Connection
  messages: Uint8Array[]
  /** 'start': tell the client to send its COPY data; 'copy': the query and its data, run as one call */
  copy?: 'start' | 'copy'
}

function isCopyFromStdin(query: Uint8Array): boolean {
  return COPY_FROM_STDIN.test(new TextDecoder().decode(query.subarray(5)))
}

/** The backend's answer to a COPY without the CopyInResponse the client already had from us. */
function withoutCopyInResponse(output: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = []
  const view = new DataView(output.buffer, output.byteOffset, output.byteLength)
  for (let at = 0; at < output.length; ) {
    const end = at + 1 + view.getInt32(at + 1)
    if (output[at] !== COPY_IN_RESPONSE_TYPE) kept.push(output.subarray(at, end))
    at = end
  }
  return Buffer.concat(kept)
}

/**
 * The Postgres wire protocol in front of one PGlite (a single backend session). Unlike
 * pglite-socket, which interleaves connections message by message (so one client's Bind can
 * replace another's unnamed portal: "portal \"\" does not exist"), this queues whole units of
 * work (everything up to Sync/Query) and, while a client holds a transaction open, runs only
 * that client's work. PGlite cannot resume a COPY ... FROM STDIN across calls, so the client is
 * told to send its data at once and the query and all of its data run as one call (as
 * electric-sql/pglite#1028 proposes for pglite-socket); an error in the COPY statement itself
 * then reaches the client after its data, like an error in a row does.
 */
export class PGliteWireServer {
  private server: Server | undefined
  private readonly queue: Batch[] = []
  private running = false
  private transactionOwner: Connection | null = null

  constructor(private readonly db: PGlite) {}

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    this.server = createServer((socket) => this.accept(socket))
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject)
      this.server!.listen(port, host, () => resolve())
    })
    const address = this.server.address()
    if (!address || typeof address === 'string') throw new Error('PGlite wire server has no TCP address')
    return address.port
  }

  async close() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  private accept(socket: Socket) {
    socket.setNoDelay(true)
    const connection: Connection = { socket, buffer: Buffer.alloc(0), started: false, pending: [], copy: null }
    socket.on('data', (chunk: Buffer) => {
      connection.buffer = Buffer.concat([connection.buffer, chunk])
      this.frame(connection)
    })
    socket.on('error', () => socket.destroy())
    socket.on('close', () => void this.drop(connection))
  }

  /** Splits the byte stream into messages and queues a batch at each unit-of-work boundary. */
  private frame(connection: Connection) {
    for (;;) {
      const { buffer } = connection
      if (!connection.started) {
        if (buffer.length < 8) return
        const length = buffer.readInt32BE(0)
        if (buffer.length < length) return
        const code = buffer.readInt32BE(4)
        connection.buffer = buffer.subarray(length)
        if (code === SSL_REQUEST) {
          connection.socket.write('N')
          continue
        }
        if (code === CANCEL_REQUEST) {
          connection.socket.end()
          return
        }
        connection.started = true
        this.enqueue({ connection, messages: [new Uint8Array(buffer.subarray(0, length))] })
        continue
      }
      if (buffer.length < 5) return
      const length = 1 + buffer.readInt32BE(1)
      if (buffer.length < length) return
      const type = buffer[0]!
      const message = new Uint8Array(buffer.subarray(0, length))
      connection.buffer = buffer.subarray(length)
      if (connection.copy) {
        connection.copy.push(message)
        if (type === COPY_DONE || type === COPY_FAIL) {
          this.enqueue({ connection, messages: connection.copy, copy: 'copy' })
          connection.copy = null
        }
        continue
      }
      if (type === QUERY && connection.pending.length === 0 && isCopyFromStdin(message)) {
        connection.copy = [message]
        this.enqueue({ connection, messages: [], copy: 'start' })
        continue
      }
      connection.pending.push(message)
      if (BATCH_END.has(type)) {
        this.enqueue({ connection, messages: connection.pending })
        connection.pending = []
      }
    }
  }

  private enqueue(batch: Batch) {
    this.queue.push(batch)
    void this.drain()
  }

  private async drain() {
    if (this.running) return
    this.running = true
    try {
      for (;;) {
        const index = this.transactionOwner ? this.queue.findIndex((b) => b.connection === this.transactionOwner) : 0
        if (index < 0 || this.queue.length === 0) return
        const [batch] = this.queue.splice(index, 1)
        await this.run(batch!)
      }
    } finally {
      this.running = false
    }
  }

  private async run({ connection, messages, copy }: Batch) {
    // in order with this client's earlier answers, so it reads them before the go-ahead
    if (copy === 'start') {
      if (connection.socket.writable) connection.socket.write(COPY_IN_RESPONSE)
      return
    }
    if (copy === 'copy') {
      const output: Uint8Array[] = []
      await this.db.runExclusive(() => this.db.execProtocolRawStream(Buffer.concat(messages), { onRawData: (data) => void output.push(data.slice()) }))
      if (connection.socket.writable) connection.socket.write(withoutCopyInResponse(Buffer.concat(output)))
      this.transactionOwner = this.db.isInTransaction() ? connection : null
      return
    }
    await this.db.runExclusive(async () => {
      for (const message of messages) {
        if (message[0] === 'X'.charCodeAt(0)) {
          connection.socket.end()
          break
        }
        await this.db.execProtocolRawStream(message, {
          onRawData: (data) => {
            if (connection.socket.writable) connection.socket.write(data)
          },
        })
      }
    })
    this.transactionOwner = this.db.isInTransaction() ? connection : null
  }

  /** A client that disconnects mid-transaction must not leave the one session stuck in it. */
  private async drop(connection: Connection) {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.connection === connection) this.queue.splice(i, 1)
    if (this.transactionOwner === connection) {
      await this.db.runExclusive(() => this.db.exec('ROLLBACK'))
      this.transactionOwner = null
    }
    void this.drain()
  }
}
