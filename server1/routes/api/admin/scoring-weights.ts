import { Elysia, t } from 'elysia'
import { requireAdmin } from '#shared/auth/require-admin.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { listScoringWeightsVersions, ScoringWeightsVersion } from '../../../operator/scoring-weights-versions.ts'
import type { Server1Deps } from '../../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireAdmin(ctx.config.ADMIN_TOKEN, verifyToken, ctx.sql)).get('/api/admin/scoring-weights', () => listScoringWeightsVersions(ctx.sql), {
    response: { 200: t.Array(ScoringWeightsVersion), 401: ErrorBody },
    detail: { summary: 'Versions of the global fit-scoring weights, newest first, and which is active (operators)' },
  })
