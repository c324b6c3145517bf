import { parseArgs } from 'node:util'
import type { AgentServerDeps } from '../agents/agent-server-deps.ts'
import { runCli } from '../cli/run-cli.ts'
import { loadConfigOrExit } from '../config/index.ts'
import { migrate } from '../db/migrate.ts'
import { type ServerSpec, startServer } from './start-server.ts'

/** Entry point of `bun run serverN`: config from env, migrations, start (a start that fails says why in one line), graceful stop on signals. */
export async function launchServer<D extends AgentServerDeps>(spec: ServerSpec<D>) {
  const server = await runCli(spec.name, async () => {
    parseArgs({ args: process.argv.slice(2), options: {}, strict: true })
    const config = loadConfigOrExit()
    await migrate(config.DATABASE_URL)
    return startServer(spec, config, { embedded: process.env.TALVIX_EMBEDDED === '1' })
  }, { usage: `bun run ${spec.name}  (settings from the environment: .env.example)` })
  console.log(`${spec.name} listening on ${server.url}`)
  const shutdown = async () => {
    await server.stop()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  return server
}
