/** `bun run runs [--status failed] [--agent jd-clean] [--limit 50]`: recent agent runs and their chains. */
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { createSql } from '#shared/db/create-sql.ts'
import { listRecentRuns, type RunFilter } from '#shared/runs/list-recent-runs.ts'
import { printTable } from './print-table.ts'

loadDotenv({ quiet: true })
const { values } = parseArgs({
  options: { status: { type: 'string' }, agent: { type: 'string' }, limit: { type: 'string', default: '50' } },
})
const sql = createSql(process.env.DATABASE_URL || `postgres://postgres@127.0.0.1:${process.env.EMBEDDED_DB_PORT || 5499}/postgres`, { max: 1 })
try {
  const runs = await listRecentRuns(sql, {
    status: values.status as RunFilter['status'],
    agent: values.agent,
    limit: Number(values.limit),
  })
  printTable(
    runs.map((r) => ({
      created: r.created_at.slice(0, 19),
      agent: r.agent,
      key: r.idempotency_key,
      status: r.status,
      attempts: `${r.attempts}/${r.max_attempts}`,
      ms: r.duration_ms,
      parent: r.parent_run_id?.slice(0, 8),
      error: r.error?.slice(0, 60),
    })),
  )
} finally {
  await sql.end({ timeout: 5 })
}
