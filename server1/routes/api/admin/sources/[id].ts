import { Elysia, t } from 'elysia'
import { requireAdmin } from '#shared/auth/require-admin.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { JobSource } from '../../../../operator/list-job-sources.ts'
import { setJobSourceEnabled } from '../../../../operator/set-job-source-enabled.ts'
import type { Server1Deps } from '../../../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireAdmin(ctx.config.ADMIN_TOKEN, verifyToken, ctx.sql)).patch(
    '/api/admin/sources/:id',
    async ({ params, body }) => {
      const source = await setJobSourceEnabled(ctx.sql, params.id, body.enabled)
      ctx.log.info({ source: source.id, enabled: source.enabled }, source.enabled ? 'operator resumed a job source' : 'operator paused a job source')
      return source
    },
    {
      params: t.Object({ id: t.String({ minLength: 1, maxLength: 100, description: 'the job source id (GET /api/admin/sources)' }) }),
      body: t.Object({ enabled: t.Boolean({ description: 'false pauses the source from the next scrape on; true resumes it' }) }),
      response: { 200: JobSource, 401: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Pause or resume a job source (operators)' },
    },
  )
