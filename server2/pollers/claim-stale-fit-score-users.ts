import { type Hop, hop } from '#shared/agents/agent-implementation.ts'
import type { Tx } from '#shared/db/create-sql.ts'

/** users.fit_scores_stale → a full scan for that user; the stale timestamp keys one run per episode. */
export async function claimStaleFitScoreUsers(tx: Tx): Promise<Hop[]> {
  const users = await tx<{ id: string; since: Date | null }[]>`
    SELECT id, fit_scores_stale_since AS since FROM users
     WHERE fit_scores_stale
     ORDER BY fit_scores_stale_since NULLS FIRST
     LIMIT 200
     FOR UPDATE SKIP LOCKED`
  return users.map((u) =>
    hop('fit-score', { mode: 'full_scan', user_id: u.id, reason: `stale:${u.since?.getTime() ?? 0}` }),
  )
}
