import { createTokenVerifier } from '#shared/auth/user-auth.ts'
import { launchServer } from '#shared/boot/launch-server.ts'
import { createBaseApp } from '#shared/http/create-base-app.ts'
import type { AgentServerDeps } from '#shared/agents/agent-server-deps.ts'
import { parseVaultKeys } from '#shared/vault/keyring.ts'
import { notificationBridge } from './realtime/notification-bridge.ts'
import { RealtimeHub } from './realtime/realtime-hub.ts'
import { storageFromConfig } from '#shared/storage/storage-from-config.ts'
import { routes } from './routes.gen.ts'
import type { Server1Deps } from './server1-deps.ts'
import { whatsappChannel } from './whatsapp/whatsapp-channel.ts'

/** Realtime frames are small JSON; Bun closes a socket that sends a bigger one (1009). */
const MAX_WEBSOCKET_MESSAGE_BYTES = 64 * 1024

/** Server 1: the gateway — frontend REST, webhooks, WhatsApp, realtime. */
export function createServer1App(deps: Server1Deps) {
  return createBaseApp('server1', deps.ctx.log, { websocket: { maxPayloadLength: MAX_WEBSOCKET_MESSAGE_BYTES } }).use(routes(deps))
}

export type App = ReturnType<typeof createServer1App>

export function server1Deps(base: AgentServerDeps): Server1Deps {
  const { config, sql } = base.ctx
  return {
    ...base,
    verifyToken: createTokenVerifier({ jwtSecret: config.SUPABASE_JWT_SECRET, jwksUrl: config.SUPABASE_JWKS_URL }),
    realtime: new RealtimeHub(sql),
    storage: storageFromConfig(config),
    vaultKeys: parseVaultKeys(config.VAULT_KEYS),
  }
}

export const server1Spec = {
  name: 'server1' as const,
  port: (config: { SERVER1_PORT: number }) => config.SERVER1_PORT,
  agents: [],
  extendDeps: server1Deps,
  createApp: createServer1App,
  background: (deps: Server1Deps) => [
    notificationBridge(deps.ctx, deps.realtime),
    // every instance runs it; the advisory lock picks the one that holds the socket
    ...(deps.ctx.config.WA_ENABLED ? [whatsappChannel(deps)] : []),
  ],
}

if (import.meta.main) await launchServer(server1Spec)
