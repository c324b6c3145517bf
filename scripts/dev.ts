/**
 * `bun run dev [--feed | --no-feed]`: all three servers, with nothing set up. Without DATABASE_URL it
 * starts an embedded PGlite database under DATA_DIR; secrets get local defaults (printed once). The
 * local job feed (Indian postings on Greenhouse/Lever/Ashby-shaped boards, an SMTP inbox for email
 * applies) runs by default on the embedded database, with --feed on your own DATABASE_URL; the
 * first time, its scrape is fired at once instead of at 20:00 IST.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { runCli } from '#shared/cli/run-cli.ts'
import { createSql } from '#shared/db/create-sql.ts'
import { migrate } from '#shared/db/migrate.ts'
import { configuredDatabaseUrl, embeddedDatabasePort } from './cli/cli-database.ts'
import { loadDevSecrets } from './dev/dev-secrets.ts'
import { startEmbeddedPostgres } from './dev/embedded-postgres.ts'
import { disableDevFeed, enableDevFeed } from './dev/enable-dev-feed.ts'
import { startDevJobFeed } from './dev/job-feed.ts'

loadDotenv({ quiet: true })
const dev = await runCli('dev', async () => {
  const { values: flags } = parseArgs({
    args: process.argv.slice(2),
    options: { feed: { type: 'boolean' }, 'no-feed': { type: 'boolean' } },
    strict: true,
  })
  // a malformed DATABASE_URL is refused before any secret is generated and printed
  const ownDatabase = configuredDatabaseUrl()
  const withFeed = flags['no-feed'] ? false : (flags.feed ?? !ownDatabase)
  const dataDir = process.env.DATA_DIR || './.data'
  const { secrets, created, path } = loadDevSecrets(dataDir)
  if (created) {
    console.log(`Generated local dev secrets in ${path} (printed once):`)
    for (const [name, value] of Object.entries(secrets)) console.log(`  ${name}=${value}`)
  }
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined
  let databaseUrl = ownDatabase
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(dataDir, embeddedDatabasePort())
    databaseUrl = embedded.url
    console.log(`Embedded PGlite database in ${dataDir}/pglite, served at ${databaseUrl}`)
  }
  const migrated = await migrate(databaseUrl)
  if (migrated.applied.length > 0) console.log(`Applied migrations: ${migrated.applied.join(', ')}`)

  const feed = withFeed ? await startDevJobFeed(join(dataDir, 'dev-inbox')) : undefined
  const sql = createSql(databaseUrl, { max: 1 })
  try {
    const firstScrape = feed ? await enableDevFeed(sql, feed) : null
    if (!feed) await disableDevFeed(sql)
    return { dataDir, secrets, embedded, databaseUrl, feed, firstScrape }
  } finally {
    await sql.end({ timeout: 5 })
  }
}, { usage: 'bun run dev [--feed | --no-feed]' })
const { feed, firstScrape } = dev

const env = {
  ...feed?.env,
  ...process.env,
  ...dev.secrets,
  DATABASE_URL: dev.databaseUrl,
  DATA_DIR: dev.dataDir,
  TALVIX_EMBEDDED: dev.embedded ? '1' : '0',
}
const children = (['server1', 'server2', 'server3'] as const).map((name) =>
  Bun.spawn(['bun', `${name}/index.ts`], { env, stdout: 'inherit', stderr: 'inherit' }),
)

const ports = { server1: process.env.SERVER1_PORT || '3001', server2: process.env.SERVER2_PORT || '3002', server3: process.env.SERVER3_PORT || '3003' }
const ready = await Promise.all(
  Object.entries(ports).map(async ([name, port]) => {
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)
      if (ok) return `${name}: http://127.0.0.1:${port}  (docs: http://127.0.0.1:${port}/openapi)`
      await Bun.sleep(200)
    }
    return `${name}: not answering on port ${port} yet — see its log above`
  }),
)
const feedLines = feed
  ? [
      `Local job feed: ${feed.postings} postings on ${feed.sources.map((s) => `${s.kind} ${s.base_url}`).join(', ')}`,
      `  email applies land in ${feed.inboxDir}`,
      firstScrape ? `  first scrape fired (trigger ${firstScrape.trigger_id}): matches follow once it is cleaned and scored` : '  (scraped before; bun run schedule:fire scrape scrapes again)',
      'Try it: bun run demo:user',
    ]
  : ['No local job feed (--no-feed, or DATABASE_URL without --feed)']
console.log(['', 'Talvix is running:', ...ready.map((line) => `  ${line}`), '', ...feedLines, 'A frontend token for a user: bun run token <user-uuid>', ''].join('\n'))

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(children.map((child) => child.exited))
  await feed?.stop()
  await dev.embedded?.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
await Promise.race(children.map((child) => child.exited))
if (!stopping) {
  console.error('A server exited; stopping the others.')
  await stop()
}
