/** `bun run runs [--status failed] [--agent jd-clean] [--limit 50]`: recent agent runs and their chains. */
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { listRecentRuns, RUN_STATUSES, type RunFilter } from '#shared/runs/list-recent-runs.ts'
import { withCliDatabase } from './cli/cli-database.ts'
import { printTable } from './print-table.ts'

const USAGE = `bun run runs [--status ${RUN_STATUSES.join('|')}] [--agent AGENT] [--limit 1-500]`

function runFilter(args: string[]): RunFilter {
  const { values } = parseArgs({
    args,
    options: { status: { type: 'string' }, agent: { type: 'string' }, limit: { type: 'string', default: '50' } },
    strict: true,
  })
  const status = RUN_STATUSES.find((s) => s === values.status)
  if (values.status !== undefined && !status) throw usageError(`--status must be one of ${RUN_STATUSES.join(', ')}`)
  if (values.agent !== undefined && !/^[a-z-]{1,40}$/.test(values.agent)) throw usageError('--agent must be an agent name such as jd-clean')
  const limit = Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw usageError('--limit must be a whole number from 1 to 500')
  return { status, agent: values.agent, limit }
}

loadDotenv({ quiet: true })
await runCli('runs', async () => {
  const filter = runFilter(process.argv.slice(2))
  const runs = await withCliDatabase((sql) => listRecentRuns(sql, filter))
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
}, { usage: USAGE })
