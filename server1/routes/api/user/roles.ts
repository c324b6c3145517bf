import { Elysia } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { RolesBody, RolesResult, updateTargetRoles } from '../../../profile/update-target-roles.ts'
import type { Server1Deps } from '../../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).patch(
    '/api/user/roles',
    ({ userId, body }) => updateTargetRoles(ctx.sql, userId, body.roles),
    {
      body: RolesBody,
      response: { 200: RolesResult, 401: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Set target roles (1-10); a change triggers a full rescore' },
    },
  )
