import { Elysia, t } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { notFound } from '#shared/http/http-error.ts'
import type { Server1Deps } from '../../server1-deps.ts'

const Me = t.Object({
  id: t.String(),
  tier: t.String(),
  dashboard_ready: t.Boolean(),
  phone_verified: t.Boolean(),
  target_roles: t.Array(t.String()),
})

/** Who the token belongs to, as Talvix knows them. */
export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).get(
    '/api/me',
    async ({ userId }) => {
      const [me] = await ctx.sql<(typeof Me.static)[]>`
        SELECT id, tier, dashboard_ready, phone_verified, target_roles FROM users WHERE id = ${userId}`
      if (!me) throw notFound('user not found')
      return me
    },
    { response: { 200: Me, 401: ErrorBody }, detail: { summary: 'The signed-in user' } },
  )
