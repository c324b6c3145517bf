import type { TokenVerifier } from '#shared/auth/user-auth.ts'
import type { Sql } from '#shared/db/create-sql.ts'
import { loadDashboard } from '../../server1/dashboard/load-dashboard.ts'

/**
 * The ceiling: the same dashboard work — verify the Supabase token, run loadDashboard's reads,
 * serialise — in a bare Bun.serve handler with its own postgres.js pool, no framework. The gap
 * to Server 1's /api/dashboard is what Elysia (routing, hooks, validation, logging) costs.
 */
export function serveBareDashboard(sql: Sql, verifyToken: TokenVerifier, port: number) {
  return Bun.serve({
    hostname: '127.0.0.1',
    port,
    async fetch(request) {
      const header = request.headers.get('authorization') ?? ''
      try {
        const { userId } = await verifyToken(header.slice('Bearer '.length))
        return Response.json(await loadDashboard(sql, userId))
      } catch {
        return Response.json({ error: 'unauthorized' }, { status: 401 })
      }
    },
  })
}
