import { Elysia, t } from 'elysia'
import { requireAdmin } from '#shared/auth/require-admin.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { listRecentRuns, RunFilter, RunSummary } from '#shared/runs/list-recent-runs.ts'
import type { Server1Deps } from '../../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireAdmin(ctx.config.ADMIN_TOKEN, verifyToken, ctx.sql)).get(
    '/api/admin/runs',
    ({ query }) => listRecentRuns(ctx.sql, query),
    {
      query: RunFilter,
      response: { 200: t.Array(RunSummary), 401: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Recent agent runs, their chains and failures (operators)' },
    },
  )
