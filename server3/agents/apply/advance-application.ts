import { type AgentOutcome, type AgentRunContext, hop, PermanentAgentError } from '#shared/agents/agent-implementation.ts'
import { parseVaultKeys } from '#shared/vault/keyring.ts'
import type { PlatformSession } from '#shared/vault/platform-session.ts'
import { storageFromConfig } from '#shared/storage/storage-from-config.ts'
import { type ConnectionRow, openSession } from '../../sessions/open-session.ts'
import { applyRoute, loadApplication } from './application-row.ts'
import { dailyCapFor, TAILORING_MIN_SCORE } from './apply-settings.ts'
import { createBrowserChannel } from './channels/browser-channel.ts'
import { createEmailChannel } from './channels/email-channel.ts'
import { loadApplicantFiles } from './load-apply-request.ts'
import { recordNotApplied } from './record-outcome.ts'
import { submitApplication } from './submit-application.ts'
import { withUserApplyLock } from './user-apply-lock.ts'

/** How long a run waits for the user's other apply to finish before handing back to the engine to retry. */
const LOCK_WAIT_MS = 120_000

interface UserGate {
  auto_apply_enabled: boolean
  invalid_connections: number
  applied_today: number
}

/**
 * Agent 12 for one application: a strong match (fit ≥ 75) is prepared first by resume
 * tailoring ∥ cover letter (a join that hops back here with auto_status 'ready'); an approved or
 * ready one is submitted through its channel; a queued one waits for approval. Conditions that
 * pass with time (a paused user, an invalid session, today's cap) leave the application as it
 * is for the next run; only real outcomes (applied / failed / skipped) change it and tell the user.
 */
export async function advanceApplication(applicationId: number, ctx: AgentRunContext): Promise<AgentOutcome> {
  const app = await loadApplication(ctx.sql, applicationId)
  if (!app) throw new PermanentAgentError(`application ${applicationId} not found`)
  const status = app.auto_status
  const done = (outcome: string, detail?: string) => ({ output: { application_id: app.id, status: outcome, ...(detail ? { detail } : {}) } })
  if (status === 'queued') return done('queued', 'waiting for the user to approve')
  if (status !== 'approved' && status !== 'ready' && status !== 'submitting') return done(status ?? 'manual')

  const route = applyRoute(app, Boolean(ctx.config.SMTP_URL))
  const [gate] = await ctx.sql<UserGate[]>`
    SELECT u.auto_apply_enabled,
           (SELECT count(*)::int FROM user_connections c WHERE c.user_id = u.id AND NOT c.is_valid) AS invalid_connections,
           (SELECT count(*)::int FROM apply_attempts t
             WHERE t.user_id = u.id AND t.platform = ${route?.platform ?? ''} AND t.status <> 'abandoned'
               AND t.started_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Kolkata') AT TIME ZONE 'Asia/Kolkata') AS applied_today
      FROM users u WHERE u.id = ${app.user_id}`
  if (!gate) throw new PermanentAgentError(`user of application ${app.id} not found`)
  if (status !== 'submitting') {
    if (!gate.auto_apply_enabled) return done(status, 'auto-apply is off')
    if (gate.invalid_connections > 0) return done(status, 'a platform session is invalid; waiting for the user to reconnect')
  }

  if (status === 'approved' && (app.fit_score ?? 0) >= TAILORING_MIN_SCORE && (!app.tailored_resume_path || !app.cover_letter_path)) {
    const moved = await ctx.sql`
      UPDATE job_applications SET auto_status = 'preparing', updated_at = now() WHERE id = ${app.id} AND auto_status = 'approved' RETURNING id`
    if (moved.length === 0) return done('busy')
    ctx.log.info({ application_id: app.id, fit_score: app.fit_score }, 'preparing: tailoring and cover letter')
    return {
      output: { application_id: app.id, status: 'preparing' },
      fanout: {
        joinKey: `apply-prep:${app.id}`,
        kind: 'apply_prep',
        userId: app.user_id,
        hops: [hop('resume-tailor', { application_id: app.id }), hop('cover-letter', { application_id: app.id })],
      },
    }
  }

  if (!route) {
    await ctx.sql.begin((tx) =>
      recordNotApplied(tx, app, { autoStatus: 'failed', reason: 'the posting has neither a page nor an email to apply to', refundQuota: false, dedupe: 'no-route' }),
    )
    return done('failed', 'no route')
  }
  if (status !== 'submitting' && gate.applied_today >= dailyCapFor(ctx.config, route.platform)) {
    return done(status, `daily ${route.platform} cap reached`)
  }

  let session: { connectionId: string; session: PlatformSession } | null = null
  if (route.needsSession) {
    const [connection] = await ctx.sql<(ConnectionRow & { is_valid: boolean })[]>`
      SELECT id, user_id, platform, ciphertext, key_id, is_valid FROM user_connections
       WHERE user_id = ${app.user_id} AND platform = ${route.platform}`
    if (!connection?.is_valid) return done(status, `no valid ${route.platform} session`)
    const opened = openSession(parseVaultKeys(ctx.config.VAULT_KEYS), connection)
    if ('problem' in opened) return done(status, opened.problem)
    session = { connectionId: connection.id, session: opened.session }
  }

  // the store Server 1's upload route writes resumes to and Server 2's agents read and write
  const storage = storageFromConfig(ctx.config)
  const channel =
    route.channel === 'email'
      ? createEmailChannel({ smtpUrl: ctx.config.SMTP_URL ?? '', from: ctx.config.APPLY_FROM_EMAIL })
      : createBrowserChannel({ executablePath: ctx.config.CHROMIUM_PATH, timeoutMs: ctx.config.APPLY_BROWSER_TIMEOUT_MS })
  const outcome = await withUserApplyLock(ctx.sql, app.user_id, LOCK_WAIT_MS, () =>
    submitApplication(ctx, app.id, route, {
      channel,
      session,
      request: async () => {
        const files = await loadApplicantFiles(ctx.sql, storage, app.user_id, { tailored: app.tailored_resume_path, coverLetter: app.cover_letter_path })
        if ('problem' in files) return files
        return { applicationId: app.id, title: app.title, company: app.company, target: route.target, session: session?.session ?? null, ...files }
      },
    }),
  )
  return done(outcome)
}
