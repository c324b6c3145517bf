import { type Hop, hop } from '#shared/agents/agent-implementation.ts'
import type { Tx } from '#shared/db/create-sql.ts'

/**
 * auto_status = 'queued' waits for the user's approval; once the user's review mode has expired
 * the queue is released to Agent 12 as if approved.
 */
export async function claimReleasedQueuedApplies(tx: Tx): Promise<Hop[]> {
  const released = await tx<{ id: string }[]>`
    UPDATE job_applications a SET auto_status = 'approved', updated_at = now()
      FROM users u
     WHERE a.id IN (
       SELECT a2.id FROM job_applications a2 JOIN users u2 ON u2.id = a2.user_id
        WHERE a2.auto_status = 'queued' AND u2.review_mode_until IS NOT NULL AND u2.review_mode_until < now()
        LIMIT 200
        FOR UPDATE OF a2 SKIP LOCKED)
       AND u.id = a.user_id
    RETURNING a.id`
  return released.map((a) => hop('apply', { scope: 'application', application_id: Number(a.id), reason: 'review-expired:1' }))
}
