import { Elysia, t } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import type { Server1Deps } from '../../server1-deps.ts'
import { Connection, listConnections } from '../../vault/connection.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).get(
    '/api/vault',
    ({ userId }) => listConnections(ctx.sql, userId),
    {
      response: { 200: t.Array(Connection), 401: ErrorBody },
      detail: { summary: 'Connected platforms and whether each session still works (never the secrets)' },
    },
  )
