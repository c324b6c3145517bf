import { Elysia } from 'elysia'
import { requireAdmin } from '#shared/auth/require-admin.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { RollbackRequest, RollbackResult, rollbackScoringWeights } from '../../../../operator/rollback-scoring-weights.ts'
import type { Server1Deps } from '../../../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireAdmin(ctx.config.ADMIN_TOKEN, verifyToken, ctx.sql)).post(
    '/api/admin/scoring-weights/rollback',
    async ({ body }) => {
      const result = await rollbackScoringWeights(ctx.sql, body)
      ctx.log.info(result, 'operator rolled back the scoring weights')
      return result
    },
    {
      body: RollbackRequest,
      response: { 200: RollbackResult, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Make an earlier version of the scoring weights active again; scored users are rescanned (operators)' },
    },
  )
