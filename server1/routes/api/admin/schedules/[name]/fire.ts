import { Elysia, t } from 'elysia'
import { requireAdmin } from '#shared/auth/require-admin.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { FiredSchedule, fireScheduleNow, SCHEDULE_NAMES } from '#shared/schedules/fire-schedule-now.ts'
import type { Server1Deps } from '../../../../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireAdmin(ctx.config.ADMIN_TOKEN, verifyToken, ctx.sql)).post(
    '/api/admin/schedules/:name/fire',
    ({ params }) => fireScheduleNow(ctx.sql, params.name),
    {
      params: t.Object({ name: t.Union(SCHEDULE_NAMES.map((name) => t.Literal(name)), { description: 'a timed schedule (bun run schedules lists them)' }) }),
      response: { 200: FiredSchedule, 401: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Fire a schedule now through fire_schedule(), as pg_cron would; the owning server runs it (operators)' },
    },
  )
