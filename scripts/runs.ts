/**
 * `bun run runs [--status failed] [--agent jd-clean] [--limit 50]`: recent agent runs and their chains.
 * `bun run runs --rerun RUN_ID`: run a failed run once more, as a new run (asking again finds the same re-run).
 */
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { UUID_PATTERN } from '#shared/auth/user-auth.ts'
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { listRecentRuns, RUN_STATUSES, type RunFilter } from '#shared/runs/list-recent-runs.ts'
import { rerunFailedRun } from '../server1/operator/rerun-failed-run.ts'
import { withCliDatabase } from './cli/cli-database.ts'
import { printTable } from './print-table.ts'

const USAGE = `bun run runs [--status ${RUN_STATUSES.join('|')}] [--agent AGENT] [--limit 1-500] | bun run runs --rerun RUN_ID`

function parseRunsArgs(args: string[]): { filter: RunFilter; rerun: string | undefined } {
  const { values } = parseArgs({
    args,
    options: { status: { type: 'string' }, agent: { type: 'string' }, limit: { type: 'string', default: '50' }, rerun: { type: 'string' } },
    strict: true,
  })
  const status = RUN_STATUSES.find((s) => s === values.status)
  if (values.status !== undefined && !status) throw usageError(`--status must be one of ${RUN_STATUSES.join(', ')}`)
  if (values.agent !== undefined && !/^[a-z-]{1,40}$/.test(values.agent)) throw usageError('--agent must be an agent name such as jd-clean')
  const limit = Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw usageError('--limit must be a whole number from 1 to 500')
  if (values.rerun !== undefined && !UUID_PATTERN.test(values.rerun)) throw usageError('--rerun takes the id (a uuid) of a failed run')
  return { filter: { status, agent: values.agent, limit }, rerun: values.rerun }
}

loadDotenv({ quiet: true })
await runCli('runs', async () => {
  const { filter, rerun } = parseRunsArgs(process.argv.slice(2))
  if (rerun) {
    const accepted = await withCliDatabase((sql) => rerunFailedRun(sql, rerun))
    console.log(
      accepted.duplicate
        ? `run ${rerun} was already re-run as ${accepted.run_id} (${accepted.status})`
        : `re-running ${rerun} as ${accepted.run_id}: the owning server picks it up now, or when it next starts`,
    )
    return
  }
  const runs = await withCliDatabase((sql) => listRecentRuns(sql, filter))
  printTable(
    runs.map((r) => ({
      created: r.created_at.slice(0, 19),
      id: r.id,
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
