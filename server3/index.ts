import type { AgentServerDeps } from '#shared/agents/agent-server-deps.ts'
import { launchServer } from '#shared/boot/launch-server.ts'
import { createBaseApp } from '#shared/http/create-base-app.ts'
import { server3Agents } from './agents/index.ts'
import { server3Background } from './background.ts'
import { routes } from './routes.gen.ts'

/** Server 3: the automation agents. */
export function createServer3App(deps: AgentServerDeps) {
  return createBaseApp('server3', deps.ctx.log).use(routes(deps))
}

export type App = ReturnType<typeof createServer3App>

export const server3Spec = {
  name: 'server3' as const,
  port: (config: { SERVER3_PORT: number }) => config.SERVER3_PORT,
  agents: server3Agents,
  createApp: createServer3App,
  background: server3Background,
}

if (import.meta.main) await launchServer(server3Spec)
