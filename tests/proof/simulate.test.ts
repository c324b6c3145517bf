import { expect, test } from 'bun:test'
import { DEFAULT_OPTIONS } from '../../scripts/simulate/options.ts'
import { runDay } from '../../scripts/simulate/run-day.ts'
import { requireChromium } from '../support/test-machine.ts'

/**
 * A small simulated day (50 users, 500 postings) through the three servers as processes: the
 * schedules fire at compressed times and every whole-system invariant must hold at the end.
 * ~25 s on an idle 2-core machine; under heavy load the browser applies (Chromium) fill every
 * run slot for minutes, hence the generous timeout.
 */
test('a simulated day of 50 users and 500 jobs keeps every invariant', async () => {
  requireChromium()
  const options = { ...DEFAULT_OPTIONS, users: 50, jobs: 500, speed: 20_000, seed: 'proof-simulate', reportPath: null, settleTimeoutMs: 120_000 }
  const result = await runDay(options, 'tests/proof/simulate.test.ts')
  const failed = result.invariants.filter((i) => !i.pass)
  expect(failed).toEqual([])
  expect(result.invariants.length).toBeGreaterThanOrEqual(9)
  expect(result.scraped).toBeGreaterThan(0)
  expect(result.applied).toBeGreaterThan(0)
}, 420_000)
