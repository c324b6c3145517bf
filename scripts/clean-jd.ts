/**
 * Operator CLI: `bun run clean-jd FILE [--title T] [--company C] [--location L]`.
 * Runs Agent 7's cleaning on a saved posting (HTML or text) and prints one
 * JSON document. No database needed. Title/company/location not given as
 * flags are read from the posting (JSON-LD, first heading, first lines).
 */
import { parseArgs } from 'node:util'
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { cleanJobDescription } from '../server2/agents/jd-clean/clean-job-description.ts'
import { inferPostingHeader } from '../server2/agents/jd-clean/infer-posting-header.ts'

await runCli('clean-jd', async () => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { title: { type: 'string' }, company: { type: 'string' }, location: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  })

  const [path] = positionals
  if (!path || positionals.length > 1) throw usageError('expected one FILE')
  const file = Bun.file(path)
  if (!(await file.exists())) throw usageError(`no such file: ${path}`)

  const raw = await file.text()
  const header = inferPostingHeader(raw)
  const title = values.title ?? header.title
  if (!title) throw usageError(`could not find a job title in ${path}; pass --title`)
  const company = values.company ?? header.company ?? ''
  const cleaned = cleanJobDescription({ title, company, location_text: values.location ?? header.location_text, raw_jd: raw })

  console.log(JSON.stringify({ company, content_hash: cleaned.content_hash, ...cleaned.structure, clean_text: cleaned.clean_text }, null, 2))
}, { usage: 'bun run clean-jd FILE [--title TITLE] [--company COMPANY] [--location LOCATION]' })
