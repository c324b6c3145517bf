import { Elysia, t } from 'elysia'
import { requireAdmin } from '#shared/auth/require-admin.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { JobSource, listJobSources } from '../../../operator/list-job-sources.ts'
import type { Server1Deps } from '../../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireAdmin(ctx.config.ADMIN_TOKEN, verifyToken, ctx.sql)).get('/api/admin/sources', () => listJobSources(ctx.sql), {
    response: { 200: t.Array(JobSource), 401: ErrorBody },
    detail: { summary: 'Job sources the scrape searches, and which are paused (operators)' },
  })
