import { type Static, Type as T } from '@sinclair/typebox'
import type { Sql } from '../db/create-sql.ts'

export const RunSummary = T.Object({
  id: T.String(),
  agent: T.String(),
  idempotency_key: T.String(),
  status: T.String(),
  attempts: T.Integer(),
  max_attempts: T.Integer(),
  user_id: T.Union([T.String(), T.Null()]),
  parent_run_id: T.Union([T.String(), T.Null()]),
  join_key: T.Union([T.String(), T.Null()]),
  error: T.Union([T.String(), T.Null()]),
  duration_ms: T.Union([T.Integer(), T.Null()]),
  created_at: T.String(),
  finished_at: T.Union([T.String(), T.Null()]),
})
export type RunSummary = Static<typeof RunSummary>

export const RUN_STATUSES = ['pending', 'running', 'succeeded', 'failed'] as const

export const RunFilter = T.Object({
  status: T.Optional(T.Union(RUN_STATUSES.map((s) => T.Literal(s)))),
  agent: T.Optional(T.String({ maxLength: 40, pattern: '^[a-z-]+$' })),
  limit: T.Optional(T.Integer({ minimum: 1, maximum: 500, default: 50 })),
})
export type RunFilter = Static<typeof RunFilter>

/** Recent agent runs, newest first, with their chain links (parent, join) for the operator. */
export async function listRecentRuns(sql: Sql, filter: RunFilter): Promise<RunSummary[]> {
  const rows = await sql<(Omit<RunSummary, 'created_at' | 'finished_at'> & { created_at: Date; finished_at: Date | null })[]>`
    SELECT id, agent, idempotency_key, status, attempts, max_attempts, user_id, parent_run_id, join_key,
           error, duration_ms, created_at, finished_at
      FROM agent_runs
     WHERE (${filter.status ?? null}::text IS NULL OR status = ${filter.status ?? null})
       AND (${filter.agent ?? null}::text IS NULL OR agent = ${filter.agent ?? null})
     ORDER BY created_at DESC
     LIMIT ${filter.limit ?? 50}`
  return rows.map((r) => ({ ...r, created_at: r.created_at.toISOString(), finished_at: r.finished_at?.toISOString() ?? null }))
}
