/**
 * `bun run chaos [--seed S] [--kills K] [--users N] [--jobs M] [--speed X] [--pg-restart 0|1] [--report docs/simulation-chaos.md|none]`
 *
 * The simulated day of `bun run simulate` (500 users by default, so every stage is busy for a
 * while), while a seeded fault injector SIGKILLs and restarts each of the three server processes
 * (K kills, default 12, a seeded rotation over the servers, each kill after a seeded gap and,
 * where the day allows, while the victim has runs executing or user requests in flight) and
 * restarts PostgreSQL once (pg_ctlcluster), mid-work too. The servers must reconnect and finish
 * what the dead ones held (leases expire, outbox rows and DB flags are found again); the same
 * invariants must hold at the end. Reports kills, how many hit work in flight, recoveries and
 * recovery times; exit code 1 on any invariant failure, any failed recovery, or fewer kills than
 * asked.
 */
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { runChaos } from './chaos/run-chaos.ts'
import { publish } from './simulate.ts'
import { DEFAULT_OPTIONS, parseOptions } from './simulate/options.ts'

const { options, kills, restartPostgres } = await runCli('chaos', () => {
  const defaults = { ...DEFAULT_OPTIONS, users: 500, jobs: 2000, speed: 600, seed: 'talvix-chaos', reportPath: 'docs/simulation-chaos.md' }
  const parsed = parseOptions(process.argv.slice(2), defaults, { kills: { type: 'string' }, 'pg-restart': { type: 'string' } })
  const killCount = Number(parsed.extra.kills ?? 12)
  if (!Number.isInteger(killCount) || killCount < 0) throw usageError('--kills must be a whole number')
  const pgRestart = parsed.extra['pg-restart'] ?? '1'
  if (pgRestart !== '0' && pgRestart !== '1') throw usageError('--pg-restart must be 0 or 1')
  return { options: parsed, kills: killCount, restartPostgres: pgRestart === '1' }
}, { usage: 'bun run chaos [--seed S] [--kills K] [--users N] [--jobs M] [--speed X] [--pg-restart 0|1] [--report docs/simulation-chaos.md|none]' })
const command = `bun run chaos --seed ${options.seed} --kills ${kills} --users ${options.users} --jobs ${options.jobs} --speed ${options.speed} --pg-restart ${restartPostgres ? 1 : 0}`

const outcome = await runChaos(options, { kills, restartPostgres }, command)
const invariantsPassed = await publish(outcome.result, options.reportPath, `chaos: ${kills} kills`)
const faultsOk = outcome.kills >= kills && outcome.recoveryErrors === 0 && (!restartPostgres || outcome.postgresRestarts === 1)
if (!faultsOk) {
  console.error(`chaos plan not completed: ${outcome.kills}/${kills} kills, ${outcome.postgresRestarts} PostgreSQL restarts, ${outcome.recoveryErrors} recovery errors`)
}
process.exit(invariantsPassed && faultsOk ? 0 : 1)
