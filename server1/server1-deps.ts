import type { AgentServerDeps } from '#shared/agents/agent-server-deps.ts'
import type { TokenVerifier } from '#shared/auth/user-auth.ts'
import type { RealtimeHub } from './realtime/realtime-hub.ts'

/** What Server 1's route factories are given. */
export interface Server1Deps extends AgentServerDeps {
  verifyToken: TokenVerifier
  realtime: RealtimeHub
}
