import type { Hop } from '../agents/agent-implementation.ts'
import { recordHops } from '../agents/record-hops.ts'
import type { AgentServerDeps } from '../agents/agent-server-deps.ts'
import { type BackgroundTask, intervalTask } from '../boot/background-task.ts'
import type { Tx } from '../db/create-sql.ts'

/**
 * A DB-flag poller: `claim` selects flagged rows FOR UPDATE SKIP LOCKED (so instances split the
 * work) and returns the hops they need; the hops are recorded in the same transaction, then fired.
 */
export function flagPoller(deps: AgentServerDeps, name: string, claim: (tx: Tx) => Promise<Hop[]>): BackgroundTask {
  const { ctx, engine } = deps
  return intervalTask(
    name,
    ctx.config.FLAG_POLL_MS,
    async () => {
      const queued = await ctx.sql.begin(async (tx) => recordHops(tx, await claim(tx), null, null))
      engine.fireQueued(queued)
    },
    (err) => ctx.log.warn({ err, poller: name }, 'flag poll failed'),
  )
}
