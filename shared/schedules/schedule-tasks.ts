import { agents, type ServerName } from '../agents/agent-contracts.ts'
import type { RunEngine } from '../agents/run-engine.ts'
import { type BackgroundTask, intervalTask } from '../boot/background-task.ts'
import type { ServerContext } from '../context.ts'
import { backfillMissedSchedules } from './backfill-missed-schedules.ts'
import { claimDueTriggers } from './claim-due-triggers.ts'
import { TIMED_SCHEDULES } from './schedule-table.ts'
import { startTimedSchedules } from './start-timed-schedules.ts'

export const CRON_CHANNEL = 'talvix_cron'

/**
 * The schedule side of a server: have the timed schedules fired (pg_cron jobs registered, or the
 * in-process scheduler where pg_cron is missing), backfill what was missed, and claim triggers of
 * the schedules it owns (woken by NOTIFY, polled as a safety net).
 */
export function scheduleTasks(ctx: ServerContext, engine: RunEngine, server: ServerName): BackgroundTask[] {
  const owned = TIMED_SCHEDULES.filter((s) => agents[s.agent].server === server)
  const claimer = intervalTask(
    'schedule-trigger-claimer',
    ctx.config.FLAG_POLL_MS,
    async () => {
      const runIds = await claimDueTriggers(ctx.sql, owned.map((s) => s.name))
      for (const runId of runIds) engine.nudge(runId)
    },
    (err) => ctx.log.warn({ err }, 'trigger claim failed'),
  )
  let unlisten: (() => Promise<void>) | undefined
  let scheduler: BackgroundTask | undefined
  return [
    {
      name: 'schedules',
      async start() {
        if (ctx.config.SCHEDULER === 'auto') scheduler = (await startTimedSchedules(ctx)) ?? undefined
        const backfilled = await backfillMissedSchedules(ctx.sql, TIMED_SCHEDULES, ctx.config.SCHEDULE_BACKFILL_HOURS)
        if (backfilled.length > 0) ctx.log.info({ schedules: backfilled }, 'backfilled missed schedules')
        if (owned.length === 0) return
        if (!ctx.embedded) {
          unlisten = (await ctx.sql.listen(CRON_CHANNEL, () => void claimer.tickNow())).unlisten
        }
        await claimer.start()
      },
      async stop() {
        await unlisten?.().catch(() => {})
        await scheduler?.stop()
        await claimer.stop()
      },
    },
  ]
}
