import type { AgentServerDeps } from '#shared/agents/agent-server-deps.ts'
import type { TokenVerifier } from '#shared/auth/user-auth.ts'
import type { FileStorage } from '#shared/storage/file-storage.ts'
import type { Keyring } from '#shared/vault/keyring.ts'
import type { RealtimeHub } from './realtime/realtime-hub.ts'

/** What Server 1's route factories are given. */
export interface Server1Deps extends AgentServerDeps {
  verifyToken: TokenVerifier
  realtime: RealtimeHub
  /** uploaded resumes: DATA_DIR/storage locally, Supabase Storage when configured */
  storage: FileStorage
  /** VAULT_KEYS parsed once at start: a bad key stops the server instead of failing the first capture */
  vaultKeys: Keyring
}
