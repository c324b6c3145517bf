import type { AgentServerDeps } from '../agents/agent-server-deps.ts'
import { loadConfigOrExit } from '../config/index.ts'
import { migrate } from '../db/migrate.ts'
import { type ServerSpec, startServer } from './start-server.ts'

/** Entry point of `bun run serverN`: config from env, migrations, start, graceful stop on signals. */
export async function launchServer<D extends AgentServerDeps>(spec: ServerSpec<D>) {
  const config = loadConfigOrExit()
  await migrate(config.DATABASE_URL)
  const server = await startServer(spec, config, { embedded: process.env.TALVIX_EMBEDDED === '1' })
  console.log(`${spec.name} listening on ${server.url}`)
  const shutdown = async () => {
    await server.stop()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  return server
}
