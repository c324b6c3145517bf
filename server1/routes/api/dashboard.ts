import { Elysia } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { Dashboard } from '../../dashboard/dashboard.ts'
import { loadDashboard } from '../../dashboard/load-dashboard.ts'
import type { Server1Deps } from '../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).get('/api/dashboard', ({ userId }) => loadDashboard(ctx.sql, userId), {
    response: { 200: Dashboard, 401: ErrorBody, 404: ErrorBody },
    detail: { summary: 'Everything the dashboard shows, in one call' },
  })
