import { Elysia, t } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { decideQueuedApplication, DecisionResult } from '../../../../applications/decide-queued-application.ts'
import type { Server1Deps } from '../../../../server1-deps.ts'
import { wholeNumber } from '../../../../user-api/whole-number.ts'

export default (deps: Server1Deps) =>
  new Elysia().use(requireUser(deps.verifyToken, deps.ctx.sql)).post(
    '/api/applications/:id/approve',
    ({ userId, params }) => decideQueuedApplication(deps, userId, wholeNumber(params.id, 'id', 1), 'approved'),
    {
      params: t.Object({ id: t.Numeric({ description: 'the application id' }) }),
      response: { 200: DecisionResult, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Approve a queued auto apply; Agent 12 submits it' },
    },
  )
