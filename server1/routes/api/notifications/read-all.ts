import { Elysia, t } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { markAllRead } from '../../../notifications/mark-notifications.ts'
import type { Server1Deps } from '../../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).post(
    '/api/notifications/read-all',
    ({ userId }) => markAllRead(ctx.sql, userId),
    {
      response: { 200: t.Object({ updated: t.Integer() }), 401: ErrorBody },
      detail: { summary: 'Mark every unread notification read' },
    },
  )
