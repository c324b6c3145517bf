/**
 * `bun run dev`: all three servers, with nothing set up. Without DATABASE_URL it starts an
 * embedded PGlite database under DATA_DIR; secrets get local defaults (printed once).
 */
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { runCli } from '#shared/cli/run-cli.ts'
import { migrate } from '#shared/db/migrate.ts'
import { loadDevSecrets } from './dev/dev-secrets.ts'
import { startEmbeddedPostgres } from './dev/embedded-postgres.ts'

loadDotenv({ quiet: true })
const dev = await runCli('dev', async () => {
  parseArgs({ args: process.argv.slice(2), options: {}, strict: true })
  const dataDir = process.env.DATA_DIR || './.data'
  const { secrets, created, path } = loadDevSecrets(dataDir)
  if (created) {
    console.log(`Generated local dev secrets in ${path} (printed once):`)
    for (const [name, value] of Object.entries(secrets)) console.log(`  ${name}=${value}`)
  }
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined
  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(dataDir, Number(process.env.EMBEDDED_DB_PORT || 5499))
    databaseUrl = embedded.url
    console.log(`Embedded PGlite database in ${dataDir}/pglite, served at ${databaseUrl}`)
  }
  const migrated = await migrate(databaseUrl)
  if (migrated.applied.length > 0) console.log(`Applied migrations: ${migrated.applied.join(', ')}`)
  return { dataDir, secrets, embedded, databaseUrl }
}, { usage: 'bun run dev' })

const env = {
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
console.log(['', 'Talvix is running:', ...ready.map((line) => `  ${line}`), '', 'A frontend token for a user: bun run token <user-uuid>', ''].join('\n'))

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(children.map((child) => child.exited))
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
