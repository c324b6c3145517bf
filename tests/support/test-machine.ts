import { chromiumProblems, databaseLacks, databaseProblems, problemsLine } from '../../scripts/test-preflight/plan-test-machine.ts'
import { probeChromium, probeDatabase, probeHost, testDatabaseUrl } from '../../scripts/test-preflight/test-machine-facts.ts'

/**
 * `bun run test` provisions the machine first (scripts/test-preflight.ts); `bun test <file>` does
 * not. A file that needs Chromium or pg_cron calls these first, so on a machine without them it
 * stops at once with the preflight's line instead of timing out test by test.
 */
export function requireChromium(): void {
  const chromium = probeChromium()
  if (chromium.executable) return
  throw new Error(`test preflight: ${problemsLine(chromiumProblems(chromium, probeHost()))}`)
}

/** Only pg_cron: without any PostgreSQL these tests are skipped on the embedded fallback (realPostgresTest). */
export async function requirePgCron(): Promise<void> {
  const database = await probeDatabase(testDatabaseUrl())
  if (!databaseLacks(database, ['pg_cron'])) return
  throw new Error(`test preflight: ${problemsLine(databaseProblems(database, probeHost(database), ['pg_cron']))}`)
}
