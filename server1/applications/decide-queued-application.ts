import { t } from 'elysia'
import { hop } from '#shared/agents/agent-implementation.ts'
import { recordHops } from '#shared/agents/record-hops.ts'
import { conflict, notFound } from '#shared/http/http-error.ts'
import type { Server1Deps } from '../server1-deps.ts'
import { Application, type ApplicationRow, toApplication } from './application.ts'

export type Decision = 'approved' | 'skipped'

export const DecisionResult = t.Object({
  application: Application,
  /** the apply run that will submit it (approve only); null for skip or a repeated approve */
  apply_run_id: t.Union([t.String({ format: 'uuid' }), t.Null()]),
})
export type DecisionResult = typeof DecisionResult.static

/**
 * The user's answer to a review-mode auto apply. Approving starts Agent 12 for this one
 * application (recorded in the same transaction as the decision, so it cannot be lost);
 * skipping only records the choice. Both leave a signal for calibration. Repeating the same
 * answer changes nothing; the opposite answer after the first is a conflict.
 */
export async function decideQueuedApplication(
  { ctx, engine }: Pick<Server1Deps, 'ctx' | 'engine'>,
  userId: string,
  applicationId: number,
  decision: Decision,
): Promise<DecisionResult> {
  const outcome = await ctx.sql.begin(async (tx) => {
    const [row] = await tx<ApplicationRow[]>`
      SELECT * FROM job_applications WHERE id = ${applicationId} AND user_id = ${userId} FOR UPDATE`
    if (!row) throw notFound('application not found')
    if (row.auto_status === decision) return { row, queued: [] }
    if (row.auto_status !== 'queued') {
      const state = row.source === 'manual' ? 'a manual application' : `already ${row.auto_status}`
      throw conflict(`application ${applicationId} is ${state}, not waiting for review`)
    }
    const [updated] = await tx<ApplicationRow[]>`
      UPDATE job_applications SET auto_status = ${decision}, updated_at = now() WHERE id = ${applicationId} RETURNING *`
    await tx`
      INSERT INTO signals (user_id, kind, job_id, application_id, data)
      VALUES (${userId}, ${decision}, ${row.job_id}, ${applicationId}, ${tx.json({ fit_score: row.fit_score })})`
    const queued =
      decision === 'approved'
        ? await recordHops(
            tx,
            [hop('apply', { scope: 'application', application_id: applicationId, reason: `approved:${Date.now()}` })],
            null,
            null,
          )
        : []
    return { row: updated ?? row, queued }
  })
  engine.fireQueued(outcome.queued)
  return { application: toApplication(outcome.row), apply_run_id: outcome.queued[0]?.runId ?? null }
}
