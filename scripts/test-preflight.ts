/**
 * The first half of `bun run test`: makes sure this machine has what the suite needs —
 * PostgreSQL 15 at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) with
 * pg_cron loaded and enough connections, and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 * Silent when all is there (one connection, one file check). A gap it may fix — root (or
 * passwordless sudo) on Debian, a local cluster — is fixed by the same scripts CI uses
 * (scripts/setup-postgres.sh, scripts/setup-chromium.sh; idempotent, restart only when a setting
 * changes); otherwise it stops at once with one line: what is missing and the command that fixes it.
 * TEST_PREFLIGHT_REPORT_ONLY=1 never runs a setup script, only says which one would fix the gap: the
 * tests that run this preflight set it, so no test can install packages or restart PostgreSQL.
 */
import { parseArgs } from 'node:util'
import { CliError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { chromiumProblems, databaseLacks, databaseProblems, type Problem, problemsLine } from './test-preflight/plan-test-machine.ts'
import { probeChromium, probeDatabase, probeHost, testDatabaseUrl } from './test-preflight/test-machine-facts.ts'

async function findProblems(): Promise<Problem[]> {
  const [database, chromium] = [await probeDatabase(testDatabaseUrl()), probeChromium()]
  if (!databaseLacks(database) && chromium.executable) return []
  const host = probeHost(database)
  return [...databaseProblems(database, host), ...chromiumProblems(chromium, host)]
}

await runCli('test', async () => {
  parseArgs({ args: process.argv.slice(2), options: {}, strict: true })
  const problems = await findProblems()
  if (problems.length === 0) return
  if (process.env.TEST_PREFLIGHT_REPORT_ONLY === '1' || problems.some((p) => !p.setup)) throw new CliError(problemsLine(problems))
  for (const { what, setup } of problems) {
    console.log(`test preflight: ${what}: running ${setup!.script}`)
    const { exitCode } = Bun.spawnSync(['bash', setup!.script], { env: { ...process.env, ...setup!.env }, stdin: 'ignore', stdout: 'inherit', stderr: 'inherit' })
    if (exitCode !== 0) throw new CliError(`${setup!.script} failed (exit ${exitCode}); its output is above`)
  }
  const left = await findProblems()
  if (left.length > 0) throw new CliError(problemsLine(left))
}, { usage: 'bun run test [bun test arguments]' })
