import { defineAgent } from '#shared/agents/agent-implementation.ts'
import { pruneAgentRuns } from './prune-agent-runs.ts'
import { pruneNotifications, pruneWaMessages } from './prune-messages.ts'
import { pruneCronTriggers, pruneFanoutJoins } from './prune-schedule-bookkeeping.ts'
import { pruneUnseenJobs } from './prune-unseen-jobs.ts'

/**
 * Triggers go before runs (each would otherwise have its run_id set to NULL first), and joins
 * after runs (an incomplete join goes once its last sibling run has).
 */
const SWEEP = [
  ['cron_triggers', pruneCronTriggers],
  ['agent_runs', pruneAgentRuns],
  ['fanout_joins', pruneFanoutJoins],
  ['wa_messages', pruneWaMessages],
  ['notifications', pruneNotifications],
  ['jobs', pruneUnseenJobs],
] as const

/**
 * 03:30 IST, when nothing else is scheduled: every table that grows with events is cut back to
 * its retention window (retention-windows.ts), oldest rows first, in short batches. Deleting is
 * idempotent, so a retried or repeated sweep only finds less to do.
 */
export const retentionAgent = defineAgent('retention', {
  async run(input, ctx) {
    const deleted: Record<string, number> = {}
    const ms: Record<string, number> = {}
    for (const [table, prune] of SWEEP) {
      const started = performance.now()
      deleted[table] = await prune(ctx.sql)
      ms[table] = Math.round(performance.now() - started)
      ctx.log.info({ table, deleted: deleted[table], ms: ms[table] }, 'retention: table pruned')
    }
    return { output: { trigger: input.trigger, deleted, ms } }
  },
})
