import type { Tx } from '#shared/db/create-sql.ts'
import type { ApplicationRow, ApplyRoute } from './application-row.ts'
import { notifyUser } from './notify-user.ts'

type Done = Pick<ApplicationRow, 'id' | 'user_id' | 'job_id' | 'title' | 'company'>

/** The application went out: recorded once, counted as a signal, and told to the user. */
export async function recordApplied(tx: Tx, app: Done, route: ApplyRoute, attemptId: number): Promise<void> {
  await tx`
    UPDATE apply_attempts SET status = 'recorded', finished_at = now()
     WHERE id = ${attemptId} AND status IN ('started', 'submitted')`
  await tx`
    UPDATE job_applications
       SET auto_status = 'applied', status = 'applied', applied_at = now(), channel = ${route.channel},
           failure_reason = NULL, updated_at = now()
     WHERE id = ${app.id}`
  await tx`
    INSERT INTO signals (user_id, kind, job_id, application_id, data)
    VALUES (${app.user_id}, 'auto_apply', ${app.job_id}, ${app.id}, ${tx.json({ channel: route.channel, platform: route.platform })})`
  const via = route.channel === 'email' ? 'by email' : `on ${route.platform}`
  await notifyUser(tx, app.user_id, {
    kind: 'apply_applied',
    title: `Applied: ${app.title} at ${app.company}`,
    body: `Talvix applied to ${app.title} at ${app.company} for you (${via}).`,
    data: { application_id: app.id, job_id: app.job_id, channel: route.channel },
    dedupeKey: `apply:${app.id}:applied`,
  })
}

/**
 * The application did not go out (or went out uncertainly): final status with the reason, the
 * reserved quota returned unless it may have been used, and the user told.
 */
export async function recordNotApplied(
  tx: Tx,
  app: Done,
  outcome: { autoStatus: 'failed' | 'skipped'; reason: string; refundQuota: boolean; dedupe: string },
): Promise<void> {
  await tx`
    UPDATE job_applications SET auto_status = ${outcome.autoStatus}, failure_reason = ${outcome.reason.slice(0, 500)}, updated_at = now()
     WHERE id = ${app.id}`
  if (outcome.refundQuota) {
    await tx`UPDATE users SET applies_this_week = greatest(0, applies_this_week - 1) WHERE id = ${app.user_id}`
  }
  const verb = outcome.autoStatus === 'failed' ? 'could not apply to' : 'skipped'
  await notifyUser(tx, app.user_id, {
    kind: outcome.autoStatus === 'failed' ? 'apply_failed' : 'apply_skipped',
    title: `${outcome.autoStatus === 'failed' ? 'Not applied' : 'Skipped'}: ${app.title} at ${app.company}`,
    body: `Talvix ${verb} ${app.title} at ${app.company}: ${outcome.reason}.`,
    data: { application_id: app.id, job_id: app.job_id, reason: outcome.reason },
    dedupeKey: `apply:${app.id}:${outcome.autoStatus}:${outcome.dedupe}`,
  })
}
