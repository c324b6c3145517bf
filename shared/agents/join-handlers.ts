import type { Tx } from '../db/create-sql.ts'
import { type Hop, hop, type JoinKind } from './agent-implementation.ts'

export interface CompletedJoin {
  join_key: string
  kind: string
  user_id: string | null
}

export type JoinHandlers = Record<JoinKind, (tx: Tx, join: CompletedJoin) => Promise<Hop[]>>

/**
 * What happens when the last sibling of a fan-out succeeds. Runs inside that sibling's
 * completion transaction, after complete_join_sibling returned true exactly once.
 */
export const joinHandlers: JoinHandlers = {
  async onboarding(tx, join) {
    if (!join.user_id) return []
    const flipped = await tx`
      UPDATE users SET dashboard_ready = TRUE, updated_at = now()
       WHERE id = ${join.user_id} AND NOT dashboard_ready
      RETURNING id`
    if (flipped.length === 1) {
      await tx`
        INSERT INTO notifications (user_id, kind, title, body, data, dedupe_key)
        VALUES (${join.user_id}, 'dashboard_ready', 'Your dashboard is ready',
                'Your matches, skill gaps and market insights are ready to explore.',
                ${tx.json({ join_key: join.join_key })}, ${`dashboard-ready:${join.user_id}`})
        ON CONFLICT (dedupe_key) DO NOTHING`
    }
    return []
  },
  async apply_prep(tx, join) {
    const applicationId = Number(join.join_key.split(':').at(-1))
    await tx`
      UPDATE job_applications SET auto_status = 'ready', updated_at = now()
       WHERE id = ${applicationId} AND auto_status = 'preparing'`
    return [hop('apply', { scope: 'application', application_id: applicationId, reason: 'prepared:1' })]
  },
}
