/**
 * Operator CLI: try one source and print what it found, as one JSON document.
 *   bun run scrape --source naukri --role "data analyst" --city bengaluru --dry-run [--base-url URL]
 *   bun run scrape --source greenhouse --board razorpaysoftwareprivatelimited --role engineer --dry-run
 * Never touches the database (the scrape agent stores runs); `--dry-run` is
 * required so that stays explicit. Logs go to stderr, the result to stdout;
 * the exit code is 1 when the source reported errors.
 */
import { parseArgs } from 'node:util'
import pino from 'pino'
import { usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { ASHBY_DEFAULT_BASE_URL } from '../server3/agents/scrape/adapters/ashby.ts'
import { GREENHOUSE_DEFAULT_BASE_URL } from '../server3/agents/scrape/adapters/greenhouse.ts'
import { INDEED_DEFAULT_BASE_URL } from '../server3/agents/scrape/adapters/indeed.ts'
import { LEVER_DEFAULT_BASE_URL } from '../server3/agents/scrape/adapters/lever.ts'
import { LINKEDIN_DEFAULT_BASE_URL } from '../server3/agents/scrape/adapters/linkedin.ts'
import { NAUKRI_DEFAULT_BASE_URL } from '../server3/agents/scrape/adapters/naukri.ts'
import { runSources } from '../server3/agents/scrape/run-sources.ts'
import { SOURCE_KINDS, type SourceKind } from '../server3/agents/scrape/types.ts'

const USAGE = `bun run scrape --source ${SOURCE_KINDS.join('|')} --role ROLE [--city CITY] --dry-run [--base-url URL] [--board BOARD]... [--config JSON] [--max-jobs N]`

const DEFAULT_BASE_URLS: Record<SourceKind, string> = {
  naukri: NAUKRI_DEFAULT_BASE_URL,
  indeed: INDEED_DEFAULT_BASE_URL,
  linkedin: LINKEDIN_DEFAULT_BASE_URL,
  greenhouse: GREENHOUSE_DEFAULT_BASE_URL,
  lever: LEVER_DEFAULT_BASE_URL,
  ashby: ASHBY_DEFAULT_BASE_URL,
}

await runCli('scrape', async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      source: { type: 'string' },
      role: { type: 'string' },
      city: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'base-url': { type: 'string' },
      board: { type: 'string', multiple: true },
      config: { type: 'string' },
      'max-jobs': { type: 'string', default: '20' },
    },
    strict: true,
  })

  const kind = SOURCE_KINDS.find((k) => k === values.source)
  if (!kind) throw usageError(`--source must be one of ${SOURCE_KINDS.join(', ')}`)
  if (!values.role?.trim()) throw usageError('--role is required')
  if (!values['dry-run']) throw usageError('only --dry-run is supported: this CLI never writes to the database')
  const maxJobs = Number(values['max-jobs'])
  if (!Number.isInteger(maxJobs) || maxJobs < 1) throw usageError('--max-jobs must be a positive integer')

  let config: Record<string, unknown> = {}
  if (values.config) {
    try {
      config = JSON.parse(values.config) as Record<string, unknown>
    } catch (error) {
      throw usageError(`--config is not JSON: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  if (values.board?.length) config = { ...config, boards: values.board }

  const baseUrl = values['base-url'] ?? DEFAULT_BASE_URLS[kind]
  const query = values.city ? { role: values.role, city: values.city } : { role: values.role }
  const logger = pino({ name: 'scrape-cli', level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2))

  const result = await runSources([{ id: kind, kind, base_url: baseUrl, enabled: true, config }], [query], {
    maxJobsPerSource: maxJobs,
    logger,
  })
  const stats = result.perSource[kind]
  console.log(
    JSON.stringify(
      { source: kind, base_url: baseUrl, query, found: stats?.count ?? 0, pages: stats?.pages ?? 0, errors: stats?.errors ?? [], jobs: result.jobs },
      null,
      2,
    ),
  )
  process.exit(stats?.errors.length ? 1 : 0)
}, { usage: USAGE })
