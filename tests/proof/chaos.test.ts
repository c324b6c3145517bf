import { expect, test } from 'bun:test'
import { runChaos } from '../../scripts/chaos/run-chaos.ts'
import { DEFAULT_OPTIONS } from '../../scripts/simulate/options.ts'
import { requireChromium } from '../support/test-machine.ts'

/**
 * A short chaos day: each server SIGKILLed and restarted at seeded moments while 30 users and
 * 300 postings go through the day; every invariant must still hold and every kill recover.
 * The PostgreSQL restart of `bun run chaos` is left out here unless CHAOS_TEST_PG_RESTART=1:
 * it would cut the connections of anything else using the same cluster at that moment
 * (another developer's test run on a shared machine); CI, alone on its cluster, turns it on.
 */
test('servers killed mid-day recover and the invariants still hold', async () => {
  requireChromium()
  const options = { ...DEFAULT_OPTIONS, users: 30, jobs: 300, speed: 20_000, seed: 'proof-chaos', reportPath: null, settleTimeoutMs: 120_000 }
  const restartPostgres = process.env.CHAOS_TEST_PG_RESTART === '1'
  const outcome = await runChaos(options, { kills: 4, restartPostgres }, 'tests/proof/chaos.test.ts')
  expect(outcome.result.invariants.filter((i) => !i.pass)).toEqual([])
  expect(outcome.kills).toBe(4)
  expect(outcome.recoveryErrors).toBe(0)
  expect(outcome.postgresRestarts).toBe(restartPostgres ? 1 : 0)
}, 180_000)
