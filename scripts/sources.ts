/**
 * `bun run sources [--pause ID | --resume ID]`: the job sources the nightly scrape searches; pause
 * one (from the next scrape on) or resume it. DATABASE_URL, or the embedded database of `bun run dev`.
 */
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { listJobSources } from '../server1/operator/list-job-sources.ts'
import { setJobSourceEnabled } from '../server1/operator/set-job-source-enabled.ts'
import { withCliDatabase } from './cli/cli-database.ts'
import { printTable } from './print-table.ts'

loadDotenv({ quiet: true })
await runCli('sources', async () => {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { pause: { type: 'string' }, resume: { type: 'string' } }, strict: true })
  if (values.pause !== undefined && values.resume !== undefined) throw usageError('give --pause or --resume, not both')
  const sources = await withCliDatabase(async (sql) => {
    if (values.pause !== undefined) await setJobSourceEnabled(sql, values.pause, false)
    if (values.resume !== undefined) await setJobSourceEnabled(sql, values.resume, true)
    return listJobSources(sql)
  })
  printTable(sources.map((s) => ({ id: s.id, kind: s.kind, base_url: s.base_url, state: s.enabled ? 'enabled' : 'paused' })))
}, { usage: 'bun run sources [--pause SOURCE_ID | --resume SOURCE_ID]' })
