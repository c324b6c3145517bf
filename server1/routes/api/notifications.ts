import { Elysia } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { listNotifications, NotificationPage, NotificationQuery } from '../../notifications/list-notifications.ts'
import type { Server1Deps } from '../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).get(
    '/api/notifications',
    ({ userId, query }) => listNotifications(ctx.sql, userId, query),
    {
      query: NotificationQuery,
      response: { 200: NotificationPage, 401: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Notifications, newest first, with the unread count' },
    },
  )
