import { Elysia, t } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { markNotification } from '../../../notifications/mark-notifications.ts'
import { Notification, NotificationStatus } from '../../../notifications/notification.ts'
import type { Server1Deps } from '../../../server1-deps.ts'
import { wholeNumber } from '../../../user-api/whole-number.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).patch(
    '/api/notifications/:id',
    ({ userId, params, body }) => markNotification(ctx.sql, userId, wholeNumber(params.id, 'id', 1), body.status),
    {
      params: t.Object({ id: t.Numeric({ description: 'the notification id' }) }),
      body: t.Object({ status: NotificationStatus }),
      response: { 200: Notification, 401: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Mark one notification read (or unread again)' },
    },
  )
