import { Elysia, t } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { notFound } from '#shared/http/http-error.ts'
import type { Server1Deps } from '../../../server1-deps.ts'
import { deleteConnection } from '../../../vault/connection.ts'
import { PlatformSchema } from '../../../vault/platforms.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).delete(
    '/api/vault/:platform',
    async ({ userId, params, set }) => {
      if (!(await deleteConnection(ctx.sql, userId, params.platform))) throw notFound(`no ${params.platform} connection`)
      set.status = 204
    },
    {
      params: t.Object({ platform: PlatformSchema }),
      response: { 204: t.Void(), 401: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Forget a platform session' },
    },
  )
