import { expect, test } from 'bun:test'
import { runFuzz } from '../../scripts/fuzz/run-fuzz.ts'

/**
 * A short `bun run fuzz` with a fixed seed, so CI runs the same invariants: every hostile HTTP
 * input refused with a JSON 4xx, no 5xx, no crash, no row changed anywhere, the WhatsApp
 * pipeline acting on nothing, all three servers healthy after.
 */
test('1,500 hostile inputs: all refused, nothing changed, servers healthy', async () => {
  const report = await runFuzz({ count: 1_500, seed: 8 })
  expect(report.violations).toEqual([])
  expect(report.inputs).toBe(1_500)
  expect(report.server_errors).toBe(0)
  expect(report.changed_rows).toBe(0)
  expect(report.crashes).toBe(0)
  expect(report.health).toEqual({ server1: 200, server2: 200, server3: 200 })
}, 180_000)
