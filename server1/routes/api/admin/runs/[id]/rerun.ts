import { Elysia, t } from 'elysia'
import { RunAccepted } from '#shared/agents/agent-contracts.ts'
import { requireAdmin } from '#shared/auth/require-admin.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { rerunFailedRun } from '../../../../../operator/rerun-failed-run.ts'
import type { Server1Deps } from '../../../../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireAdmin(ctx.config.ADMIN_TOKEN, verifyToken, ctx.sql)).post(
    '/api/admin/runs/:id/rerun',
    async ({ params, set }) => {
      const accepted = await rerunFailedRun(ctx.sql, params.id)
      ctx.log.info({ run_id: accepted.run_id, rerun_of: params.id, duplicate: accepted.duplicate }, 'operator re-ran a failed run')
      set.status = 202
      return accepted
    },
    {
      params: t.Object({ id: t.String({ format: 'uuid', description: 'the failed agent run' }) }),
      response: { 202: RunAccepted, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Re-run a failed agent run once more, as a new run (asking again returns the same re-run)' },
    },
  )
