import type { AgentServerDeps } from '#shared/agents/agent-server-deps.ts'
import { launchServer } from '#shared/boot/launch-server.ts'
import { createBaseApp } from '#shared/http/create-base-app.ts'
import { server2Agents } from './agents/index.ts'
import { server2Background } from './background.ts'
import { routes } from './routes.gen.ts'

/** Server 2: the intelligence agents. */
export function createServer2App(deps: AgentServerDeps) {
  return createBaseApp('server2', deps.ctx.log).use(routes(deps))
}

export type App = ReturnType<typeof createServer2App>

export const server2Spec = {
  name: 'server2' as const,
  port: (config: { SERVER2_PORT: number }) => config.SERVER2_PORT,
  agents: server2Agents,
  createApp: createServer2App,
  background: server2Background,
}

if (import.meta.main) await launchServer(server2Spec)
