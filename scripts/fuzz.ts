/**
 * `bun run fuzz [--count N] [--seed S]` — hostile input against every public endpoint, the
 * agent endpoints (forged signatures) and the WhatsApp pipeline, on a fresh database with the
 * three servers in-process. Exit 1 on any 5xx, non-refusal, changed row or crash. Last line: one
 * JSON object with the figures.
 */
import { parseArgs } from 'node:util'
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { printFuzzReport } from './fuzz/print-report.ts'
import { runFuzz } from './fuzz/run-fuzz.ts'

await runCli('fuzz', async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { count: { type: 'string', default: '12000' }, seed: { type: 'string', default: '20260101' } },
    strict: true,
  })
  const count = Number(values.count)
  const seed = Number(values.seed)
  if (!Number.isSafeInteger(count) || count < 1 || count > 1_000_000) throw usageError('--count must be a whole number from 1 to 1000000')
  if (!Number.isSafeInteger(seed)) throw usageError('--seed must be a whole number')

  console.log(`fuzz: ${count} inputs, seed ${seed}`)
  const report = await runFuzz({ count, seed, progress: (line) => console.log(line) })
  process.exit(printFuzzReport(report) ? 1 : 0)
}, { usage: 'bun run fuzz [--count N] [--seed S]' })
