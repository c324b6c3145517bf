import { Elysia } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { Application } from '../../applications/application.ts'
import { createManualApplication, ManualApplicationBody } from '../../applications/create-manual-application.ts'
import { ApplicationFilter, ApplicationPage, listApplications } from '../../applications/list-applications.ts'
import type { Server1Deps } from '../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia()
    .use(requireUser(verifyToken, ctx.sql))
    .post(
      '/api/applications',
      async ({ userId, body, set }) => {
        const application = await createManualApplication(ctx.sql, userId, body)
        set.status = 201
        return application
      },
      {
        body: ManualApplicationBody,
        response: { 201: Application, 401: ErrorBody, 409: ErrorBody, 422: ErrorBody },
        detail: { summary: 'Record an application the user made themselves' },
      },
    )
    .get('/api/applications', ({ userId, query }) => listApplications(ctx.sql, userId, query), {
      query: ApplicationFilter,
      response: { 200: ApplicationPage, 401: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Applications, newest first, filtered and paginated' },
    })
