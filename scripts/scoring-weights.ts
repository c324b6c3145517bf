/**
 * `bun run scoring-weights [--rollback-to VERSION]`: the versions of the global fit-scoring
 * weights (calibration writes a new one weekly); make an earlier one active again, after which
 * every scored user is rescanned. DATABASE_URL, or the embedded database of `bun run dev`.
 */
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { rollbackScoringWeights } from '../server1/operator/rollback-scoring-weights.ts'
import { listScoringWeightsVersions } from '../server1/operator/scoring-weights-versions.ts'
import { withCliDatabase } from './cli/cli-database.ts'
import { printTable } from './print-table.ts'

loadDotenv({ quiet: true })
await runCli('scoring-weights', async () => {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { 'rollback-to': { type: 'string' } }, strict: true })
  const target = values['rollback-to'] === undefined ? undefined : Number(values['rollback-to'])
  if (target !== undefined && !(Number.isInteger(target) && target >= 1)) throw usageError('--rollback-to takes a version number (see bun run scoring-weights)')
  await withCliDatabase(async (sql) => {
    if (target !== undefined) {
      const result = await rollbackScoringWeights(sql, { to_version: target })
      console.log(
        result.rolled_back === null
          ? `version ${result.active} is already active; nothing changed`
          : `version ${result.active} is active again (version ${result.rolled_back} rolled back); ${result.stale_users} users will be rescanned`,
      )
    }
    printTable(
      (await listScoringWeightsVersions(sql)).map((v) => ({
        version: v.version,
        state: v.is_active ? 'active' : v.rolled_back_at ? 'rolled back' : '',
        previous: v.previous_version,
        reason: v.reason.slice(0, 50),
        sample: v.sample_size,
        created: v.created_at.toISOString().slice(0, 19),
      })),
    )
  })
}, { usage: 'bun run scoring-weights [--rollback-to VERSION]' })
