import type { Socket, TCPSocketListener } from 'bun'

interface Pipe {
  upstream: Socket | null
  /** what the client sent before the upstream connection was open */
  pending: Uint8Array[]
}

/**
 * A TCP proxy a test puts between a server and PostgreSQL, to open a network gap at will: while
 * it refuses, every new connection through it is closed at once (as when the database cannot be
 * reached), and connections already open keep working. The test's own connections go to the
 * database directly.
 */
export class TcpProxy {
  private refusing = false

  private constructor(private readonly server: TCPSocketListener<Pipe>) {}

  static start(target: { hostname: string; port: number }): TcpProxy {
    const proxy: TcpProxy = new TcpProxy(
      Bun.listen<Pipe>({
        hostname: '127.0.0.1',
        port: 0,
        socket: {
          open(client) {
            client.data = { upstream: null, pending: [] }
            if (proxy.refusing) return void client.end()
            void Bun.connect({
              ...target,
              socket: {
                open(upstream) {
                  client.data.upstream = upstream
                  for (const bytes of client.data.pending) upstream.write(bytes)
                  client.data.pending = []
                },
                data: (_upstream, bytes) => void client.write(bytes),
                close: () => void client.end(),
                error: () => void client.end(),
              },
            }).catch(() => client.end())
          },
          data(client, bytes) {
            if (client.data.upstream) client.data.upstream.write(bytes)
            else client.data.pending.push(new Uint8Array(bytes))
          },
          close: (client) => void client.data.upstream?.end(),
          error: (client) => void client.data.upstream?.end(),
        },
      }),
    )
    return proxy
  }

  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string) {
    const proxied = new URL(url)
    proxied.hostname = '127.0.0.1'
    proxied.port = String(this.server.port)
    return proxied.toString()
  }

  refuseNewConnections() {
    this.refusing = true
  }

  acceptNewConnections() {
    this.refusing = false
  }

  stop() {
    this.server.stop(true)
  }
}
