/**
 * Operator CLI: `bun run parse-resume FILE` (PDF, DOCX or TXT) prints the
 * profile Agent 3 would store, as one JSON document. No database needed.
 * Failures print {"error": "..."} on stderr and exit 1 (2 for a wrong invocation).
 */
import { parseArgs } from 'node:util'
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { readResumeProfile } from './cli/read-resume-profile.ts'

await runCli('parse-resume', async () => {
  const { positionals } = parseArgs({ args: process.argv.slice(2), options: {}, allowPositionals: true, strict: true })
  const [path] = positionals
  if (!path || positionals.length > 1) throw usageError('expected one FILE')
  console.log(JSON.stringify(await readResumeProfile(path), null, 2))
}, { usage: 'bun run parse-resume FILE  (PDF, DOCX or TXT)', json: true })
