import type { Config } from '#shared/config/index.ts'
import { startServer, type RunningServer } from '#shared/boot/start-server.ts'
import type { AgentServerDeps } from '#shared/agents/agent-server-deps.ts'
import { server1Spec } from '../../server1/index.ts'
import type { Server1Deps } from '../../server1/server1-deps.ts'
import { server2Spec } from '../../server2/index.ts'
import { server3Spec } from '../../server3/index.ts'
import { databaseMode } from './database-mode.ts'
import { freePort } from './free-port.ts'
import { testConfig } from './test-config.ts'

export type ServerName = 'server1' | 'server2' | 'server3'

export interface TestCluster {
  config: Config
  ports: Record<ServerName, number>
  urls: Record<ServerName, string>
  server1?: RunningServer<Server1Deps>
  server2?: RunningServer<AgentServerDeps>
  server3?: RunningServer<AgentServerDeps>
  start(name: ServerName): Promise<void>
  stop(name: ServerName): Promise<void>
  stopAll(): Promise<void>
}

/**
 * Ports for all three servers are fixed up front, so every server's Eden clients point at the
 * right place even for servers started later (or never: "target down" tests).
 */
export async function startTestCluster(
  databaseUrl: string,
  servers: ServerName[],
  overrides: Record<string, string> = {},
): Promise<TestCluster> {
  const ports = { server1: freePort(), server2: freePort(), server3: freePort() }
  const urls = {
    server1: `http://127.0.0.1:${ports.server1}`,
    server2: `http://127.0.0.1:${ports.server2}`,
    server3: `http://127.0.0.1:${ports.server3}`,
  }
  const config = testConfig({
    DATABASE_URL: databaseUrl,
    SERVER1_URL: urls.server1,
    SERVER2_URL: urls.server2,
    SERVER3_URL: urls.server3,
    ...overrides,
  })
  const embedded = databaseMode === 'embedded'
  const cluster: TestCluster = {
    config,
    ports,
    urls,
    async start(name) {
      if (name === 'server1') cluster.server1 = await startServer(server1Spec, config, { port: ports.server1, embedded })
      if (name === 'server2') cluster.server2 = await startServer(server2Spec, config, { port: ports.server2, embedded })
      if (name === 'server3') cluster.server3 = await startServer(server3Spec, config, { port: ports.server3, embedded })
    },
    async stop(name) {
      await cluster[name]?.stop()
      cluster[name] = undefined
    },
    async stopAll() {
      for (const name of ['server1', 'server2', 'server3'] as const) await cluster.stop(name)
    },
  }
  for (const name of servers) await cluster.start(name)
  return cluster
}

/** startServer options for one more in-process instance in a test (embedded mode follows the database). */
export function instanceOptions(port: number) {
  return { port, embedded: databaseMode === 'embedded' }
}
