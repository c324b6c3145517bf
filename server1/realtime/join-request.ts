import { Type as T } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { PostgresChangesParams } from './channel-bindings.ts'

const MAX_BINDINGS = 100
const Token = T.Union([T.String({ maxLength: 16_384 }), T.Null()])

/**
 * The `phx_join` payload realtime-js sends: `config` (broadcast, presence, private and
 * postgres_changes_options are accepted and have no effect here), the user's `access_token`, and
 * this server's one addition, `notifications_after_seq`: the delivery_seq of the newest
 * notification the client has, set with `channel.updateJoinPayload`, so every (re)join first
 * replays what committed after it.
 */
const JoinPayload = T.Object({
  config: T.Optional(
    T.Object({
      postgres_changes: T.Optional(T.Union([T.Array(T.Union([PostgresChangesParams, T.Null()]), { maxItems: MAX_BINDINGS }), T.Null()])),
    }),
  ),
  access_token: T.Optional(Token),
  user_token: T.Optional(Token),
  notifications_after_seq: T.Optional(T.Union([T.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }), T.Null()])),
})

export interface JoinRequest {
  /** the user's access token; null when the page sent none (signed out, or its token not yet set) */
  token: string | null
  since: number | null
  bindings: PostgresChangesParams[]
}

/** The cursor's earlier name, a notification id: not commit-ordered, so a replay after it could skip rows. */
const REPLACED_CURSOR = 'notifications_since'

export function parseJoinRequest(payload: unknown): JoinRequest | { reason: string } {
  if (typeof payload === 'object' && payload !== null && REPLACED_CURSOR in payload) {
    return { reason: `InvalidJoinPayload: /${REPLACED_CURSOR}: replaced by notifications_after_seq, the delivery_seq of the newest notification you have` }
  }
  if (!Value.Check(JoinPayload, payload)) {
    const first = Value.Errors(JoinPayload, payload).First()
    return { reason: `InvalidJoinPayload: ${first?.path || '/'}: ${first?.message ?? 'not a join payload'}` }
  }
  return {
    token: payload.access_token ?? payload.user_token ?? null,
    since: payload.notifications_after_seq ?? null,
    // Supabase drops null entries of the list
    bindings: (payload.config?.postgres_changes ?? []).filter((b) => b !== null),
  }
}
