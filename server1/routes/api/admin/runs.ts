import { Elysia, t } from 'elysia'
import { requireAdmin } from '#shared/auth/require-admin.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { listRecentRuns, RunFilter, RunSummary } from '#shared/runs/list-recent-runs.ts'
import { wholeNumber } from '../../../user-api/whole-number.ts'
import type { Server1Deps } from '../../../server1-deps.ts'

// A query string carries text: `limit` is decoded here and range-checked by wholeNumber (RunFilter's bounds).
const RunQuery = t.Object({ ...RunFilter.properties, limit: t.Optional(t.Numeric({ description: 'runs to list, 1-500 (default 50)' })) })

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireAdmin(ctx.config.ADMIN_TOKEN, verifyToken, ctx.sql)).get(
    '/api/admin/runs',
    ({ query }) => listRecentRuns(ctx.sql, { ...query, limit: wholeNumber(query.limit ?? 50, 'limit', 1, 500) }),
    {
      query: RunQuery,
      response: { 200: t.Array(RunSummary), 401: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Recent agent runs, their chains and failures (operators)' },
    },
  )
