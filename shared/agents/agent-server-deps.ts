import type { ServerContext } from '../context.ts'
import type { RunEngine } from './run-engine.ts'

/** What a route factory on an agent server is given. */
export interface AgentServerDeps {
  ctx: ServerContext
  engine: RunEngine
}
