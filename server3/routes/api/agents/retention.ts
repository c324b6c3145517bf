import { Elysia } from 'elysia'
import { acceptAgentRun } from '#shared/agents/accept-agent-run.ts'
import { agents, RunAccepted } from '#shared/agents/agent-contracts.ts'
import type { AgentServerDeps } from '#shared/agents/agent-server-deps.ts'
import { internalAuth } from '#shared/auth/internal-auth.ts'
import { ErrorBody } from '#shared/http/error-body.ts'

export default (deps: AgentServerDeps) =>
  new Elysia().use(internalAuth(deps.ctx.config.INTERNAL_SIGNING_SECRET)).post(
    '/api/agents/retention',
    ({ body, set }) => acceptAgentRun(deps, 'retention', body, set),
    {
      body: agents.retention.input,
      response: { 202: RunAccepted, 401: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Delete rows past their retention window' },
    },
  )
