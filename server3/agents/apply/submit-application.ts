import type { AgentRunContext } from '#shared/agents/agent-implementation.ts'
import type { PlatformSession } from '#shared/vault/platform-session.ts'
import { invalidateConnection } from '../../sessions/invalidate-connection.ts'
import { describeBlocker } from '../../sessions/page-blockers.ts'
import { type ApplicationRow, type ApplyRoute, loadApplication } from './application-row.ts'
import { paceGapMs } from './apply-settings.ts'
import type { ApplyChannel, ApplyRequest } from './channels/apply-channel.ts'
import { recordApplied, recordNotApplied } from './record-outcome.ts'

export interface SubmitDeps {
  channel: ApplyChannel
  /** builds the request (profile, documents, session) only once we know we will send */
  request: () => Promise<ApplyRequest | { problem: string }>
  session: { connectionId: string; session: PlatformSession } | null
}

export type SubmitOutcome = 'applied' | 'failed' | 'skipped' | 'blocked' | 'uncertain' | 'busy' | 'paused'

interface OpenAttempt {
  id: number
  status: 'started' | 'submitted'
}

async function openAttempt(ctx: AgentRunContext, applicationId: number): Promise<OpenAttempt | null> {
  const [row] = await ctx.sql<{ id: string; status: 'started' | 'submitted' }[]>`
    SELECT id, status FROM apply_attempts WHERE application_id = ${applicationId} AND status IN ('started', 'submitted')`
  return row ? { id: Number(row.id), status: row.status } : null
}

/** Waits out the human-like gap since this user's last apply on any channel. */
async function pace(ctx: AgentRunContext, userId: string) {
  const [last] = await ctx.sql<{ ms: number | null }[]>`
    SELECT (extract(epoch FROM now() - max(started_at)) * 1000)::float8 AS ms FROM apply_attempts WHERE user_id = ${userId}`
  const gap = paceGapMs(ctx.config)
  const since = last?.ms ?? null
  if (since !== null && since < gap) await Bun.sleep(gap - since)
}

/**
 * Moves an approved/ready application to 'submitting', reserves one apply of the weekly quota and
 * writes the 'started' outbox row — one transaction, so of two runs racing for one application
 * exactly one gets it. Null: someone else has it, or it is no longer waiting.
 */
async function claim(ctx: AgentRunContext, app: ApplicationRow, route: ApplyRoute): Promise<OpenAttempt | 'quota' | null> {
  return ctx.sql.begin(async (tx) => {
    const claimed = await tx`
      UPDATE job_applications SET auto_status = 'submitting', updated_at = now()
       WHERE id = ${app.id} AND auto_status IN ('approved', 'ready') RETURNING id`
    if (claimed.length === 0) return null
    const reserved = await tx`
      UPDATE users u SET applies_this_week = u.applies_this_week + 1
        FROM plans p
       WHERE u.id = ${app.user_id} AND p.id = u.tier AND u.applies_this_week < p.weekly_apply_quota
      RETURNING u.id`
    if (reserved.length === 0) {
      await recordNotApplied(tx, app, { autoStatus: 'skipped', reason: 'weekly apply quota reached', refundQuota: false, dedupe: 'quota' })
      return 'quota' as const
    }
    const [attempt] = await tx<{ id: string }[]>`
      INSERT INTO apply_attempts (application_id, user_id, channel, platform, target, run_id)
      VALUES (${app.id}, ${app.user_id}, ${route.channel}, ${route.platform}, ${route.target}, ${ctx.runId})
      RETURNING id`
    return { id: Number(attempt!.id), status: 'started' as const }
  })
}

async function startReplacementAttempt(ctx: AgentRunContext, app: ApplicationRow, route: ApplyRoute, abandoned: number): Promise<OpenAttempt> {
  return ctx.sql.begin(async (tx) => {
    await tx`
      UPDATE apply_attempts SET status = 'abandoned', finished_at = now(),
             error = 'interrupted before the application reached the employer (checked on the portal)'
       WHERE id = ${abandoned}`
    const [attempt] = await tx<{ id: string }[]>`
      INSERT INTO apply_attempts (application_id, user_id, channel, platform, target, run_id)
      VALUES (${app.id}, ${app.user_id}, ${route.channel}, ${route.platform}, ${route.target}, ${ctx.runId})
      RETURNING id`
    return { id: Number(attempt!.id), status: 'started' as const }
  })
}

/**
 * The part of Agent 12 that talks to the outside world, run under the user's apply lock (so a
 * 'submitting' row found here belongs to a run that died). The outbox makes it "never twice":
 *   started   → the send may or may not have happened: ask the portal before sending again
 *   submitted → the employer has it: only the recording is missing
 */
export async function submitApplication(ctx: AgentRunContext, applicationId: number, route: ApplyRoute, deps: SubmitDeps): Promise<SubmitOutcome> {
  const app = await loadApplication(ctx.sql, applicationId)
  if (!app) return 'skipped'
  const log = ctx.log.child({ user_id: app.user_id, application_id: app.id, channel: route.channel, platform: route.platform })

  let attempt: OpenAttempt | null = null
  if (app.auto_status === 'submitting') {
    attempt = await openAttempt(ctx, app.id)
    if (attempt?.status === 'submitted') {
      log.warn({ attempt_id: attempt.id }, 'recovering: the employer has the application, recording it')
      await ctx.sql.begin((tx) => recordApplied(tx, app, route, attempt!.id))
      return 'applied'
    }
  } else if (app.auto_status !== 'approved' && app.auto_status !== 'ready') {
    // another run finished it while we waited for the lock
    return 'busy'
  } else {
    // Checked again under the lock: an apply that ran while we waited may have hit a wall and paused the user.
    const [paused] = await ctx.sql`SELECT 1 FROM user_connections WHERE user_id = ${app.user_id} AND NOT is_valid LIMIT 1`
    if (paused) return 'paused'
  }

  const request = await deps.request()
  if ('problem' in request) {
    await ctx.sql.begin(async (tx) => {
      if (attempt) await tx`UPDATE apply_attempts SET status = 'failed', error = ${request.problem}, finished_at = now() WHERE id = ${attempt.id}`
      await recordNotApplied(tx, app, { autoStatus: 'failed', reason: request.problem, refundQuota: app.auto_status === 'submitting', dedupe: 'setup' })
    })
    return 'failed'
  }

  if (attempt) {
    const verdict = await deps.channel.verify(request)
    log.warn({ attempt_id: attempt.id, verdict }, 'recovering an interrupted apply')
    if (verdict === 'applied') {
      const recovered = attempt
      await ctx.sql.begin(async (tx) => {
        await tx`UPDATE apply_attempts SET status = 'submitted', submitted_at = now(), evidence = ${tx.json({ recovered: true })} WHERE id = ${recovered.id}`
        await recordApplied(tx, app, route, recovered.id)
      })
      return 'applied'
    }
    if (verdict === 'unknown') {
      const uncertain = attempt
      await ctx.sql.begin(async (tx) => {
        await tx`UPDATE apply_attempts SET status = 'uncertain', finished_at = now(), error = 'interrupted mid-send; delivery cannot be checked' WHERE id = ${uncertain.id}`
        await recordNotApplied(tx, app, {
          autoStatus: 'failed',
          reason: 'the apply was interrupted and the employer may already have it, so it was not sent again',
          refundQuota: false,
          dedupe: `uncertain-${uncertain.id}`,
        })
      })
      return 'uncertain'
    }
    attempt = await startReplacementAttempt(ctx, app, route, attempt.id)
  } else {
    await pace(ctx, app.user_id)
    const claimed = await claim(ctx, app, route)
    if (claimed === null) return 'busy'
    if (claimed === 'quota') return 'skipped'
    attempt = claimed
  }

  const sent = attempt
  const result = await deps.channel.submit(request)
  if (result.status === 'submitted') {
    // Committed on its own first: if we die before the next transaction, recovery records instead of resending.
    await ctx.sql`
      UPDATE apply_attempts SET status = 'submitted', submitted_at = now(), evidence = ${ctx.sql.json(result.evidence as never)}
       WHERE id = ${sent.id}`
    await ctx.sql.begin((tx) => recordApplied(tx, app, route, sent.id))
    log.info({ attempt_id: sent.id, evidence: result.evidence }, 'applied')
    return 'applied'
  }
  if (result.status === 'blocked') {
    const reason = describeBlocker(result.blocker, route.platform)
    await ctx.sql.begin(async (tx) => {
      await tx`UPDATE apply_attempts SET status = 'blocked', error = ${`${reason} (${result.detail})`}, finished_at = now() WHERE id = ${sent.id}`
      // Stop for this user: the connection is invalid (the alert poller tells them once) and every
      // other apply of theirs waits until they reconnect.
      if (deps.session) await invalidateConnection(tx, deps.session.connectionId, reason)
      await recordNotApplied(tx, app, { autoStatus: 'failed', reason: `${reason}; auto-apply paused until you reconnect`, refundQuota: true, dedupe: `blocked-${sent.id}` })
    })
    log.warn({ attempt_id: sent.id, blocker: result.blocker, detail: result.detail }, 'apply blocked; user stopped')
    return 'blocked'
  }
  await ctx.sql.begin(async (tx) => {
    await tx`UPDATE apply_attempts SET status = 'failed', error = ${result.reason}, finished_at = now() WHERE id = ${sent.id}`
    await recordNotApplied(tx, app, { autoStatus: 'failed', reason: result.reason, refundQuota: true, dedupe: `failed-${sent.id}` })
  })
  log.warn({ attempt_id: sent.id, reason: result.reason }, 'apply failed')
  return 'failed'
}
