/**
 * `bun run dev [--feed | --no-feed]`: all three servers, with nothing set up. Without DATABASE_URL it
 * starts an embedded PGlite database under DATA_DIR; secrets get local defaults (printed once). The
 * local job feed (Indian postings on Greenhouse/Lever/Ashby-shaped boards, an SMTP inbox for email
 * applies) runs by default on the embedded database, with --feed on your own DATABASE_URL (a local
 * one, never with NODE_ENV=production); the first time, its scrape is fired at once instead of at
 * 20:00 IST. Stopping dev switches the feed off in the database again.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { describeFailure } from '#shared/cli/describe-failure.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { createSql } from '#shared/db/create-sql.ts'
import { migrate } from '#shared/db/migrate.ts'
import { configuredDatabaseUrl, embeddedDatabasePort } from './cli/cli-database.ts'
import { loadDevSecrets } from './dev/dev-secrets.ts'
import { startEmbeddedPostgres } from './dev/embedded-postgres.ts'
import { disableDevFeed, enableDevFeed, refuseDevFeedOutside } from './dev/enable-dev-feed.ts'
import { startDevJobFeed } from './dev/job-feed.ts'

loadDotenv({ quiet: true })
const dev = await runCli('dev', async () => {
  const { values: flags } = parseArgs({
    args: process.argv.slice(2),
    options: { feed: { type: 'boolean' }, 'no-feed': { type: 'boolean' } },
    strict: true,
  })
  // what can be refused is refused before any secret is generated and printed
  const ownDatabase = configuredDatabaseUrl()
  const withFeed = flags['no-feed'] ? false : (flags.feed ?? !ownDatabase)
  if (withFeed) refuseDevFeedOutside(ownDatabase)
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

const ports = { server1: process.env.SERVER1_PORT || '3001', server2: process.env.SERVER2_PORT || '3002', server3: process.env.SERVER3_PORT || '3003' }
// all three run on this machine: with only SERVERn_PORT moved, the hops must follow it
const localUrls = Object.fromEntries(Object.entries(ports).map(([name, port]) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${port}`]))

const env = {
  ...feed?.env,
  ...localUrls,
  ...process.env,
  // this run's token, whatever the environment says: the feed's rows carry it
  ...(feed && { DEV_FEED_TOKEN: feed.env.DEV_FEED_TOKEN }),
  ...dev.secrets,
  DATABASE_URL: dev.databaseUrl,
  DATA_DIR: dev.dataDir,
  TALVIX_EMBEDDED: dev.embedded ? '1' : '0',
}
const children = (['server1', 'server2', 'server3'] as const).map((name) =>
  Bun.spawn(['bun', `${name}/index.ts`], { env, stdout: 'inherit', stderr: 'inherit' }),
)

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

/** The feed's rows point at ports that die with this process: switched off before the database stops. */
async function switchFeedOff() {
  const sql = createSql(dev.databaseUrl, { max: 1 })
  try {
    await disableDevFeed(sql)
  } catch (error) {
    // the rows stay enabled, but only this run's servers ever scraped them (server3/agents/scrape/dev-feed-sources.ts)
    console.error(`dev: could not switch the local job feed off in the database (${describeFailure(error)?.line ?? String(error)}); bun run dev --no-feed does`)
  } finally {
    await sql.end({ timeout: 5 })
  }
}

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(children.map((child) => child.exited))
  if (feed) await switchFeedOff()
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
