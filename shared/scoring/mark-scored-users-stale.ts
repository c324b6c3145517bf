import type { Tx } from '../db/create-sql.ts'

/**
 * Every user with stored scores was scored with the old weights: fit scoring rescans them. An
 * already-stale user keeps the earlier since-time (their rescan is already overdue). Set by
 * calibration (Server 3) and by an operator's weights rollback (Server 1).
 */
export async function markScoredUsersStale(tx: Tx, userIds?: string[]): Promise<number> {
  const rows = userIds
    ? await tx`
        UPDATE users SET fit_scores_stale = TRUE, fit_scores_stale_since = coalesce(fit_scores_stale_since, now()), updated_at = now()
         WHERE id = ANY (${userIds}::uuid[]) RETURNING id`
    : await tx`
        UPDATE users u SET fit_scores_stale = TRUE, fit_scores_stale_since = coalesce(u.fit_scores_stale_since, now()), updated_at = now()
         WHERE EXISTS (SELECT 1 FROM fit_scores f WHERE f.user_id = u.id) RETURNING id`
  return rows.length
}
