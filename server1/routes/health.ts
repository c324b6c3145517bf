import { Elysia } from 'elysia'
import { checkHealth, HealthBody } from '#shared/http/health.ts'
import type { Server1Deps } from '../server1-deps.ts'

export default ({ ctx }: Server1Deps) =>
  new Elysia().get(
    '/health',
    async ({ set }) => {
      const health = await checkHealth(ctx.sql, 'server1')
      if (health.status !== 'ok') set.status = 503
      return health
    },
    { response: { 200: HealthBody, 503: HealthBody }, detail: { summary: 'Liveness and database reachability' } },
  )
