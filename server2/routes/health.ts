import { Elysia } from 'elysia'
import type { AgentServerDeps } from '#shared/agents/agent-server-deps.ts'
import { checkHealth, HealthBody } from '#shared/http/health.ts'

export default ({ ctx }: AgentServerDeps) =>
  new Elysia().get(
    '/health',
    async ({ set }) => {
      const health = await checkHealth(ctx.sql, 'server2')
      if (health.status !== 'ok') set.status = 503
      return health
    },
    { response: { 200: HealthBody, 503: HealthBody }, detail: { summary: 'Liveness and database reachability' } },
  )
