import type { Elysia } from 'elysia'
import type { AgentServerDeps } from '../agents/agent-server-deps.ts'
import type { AgentImplementation } from '../agents/agent-implementation.ts'
import type { ServerName } from '../agents/agent-contracts.ts'
import { joinHandlers } from '../agents/join-handlers.ts'
import { RunEngine } from '../agents/run-engine.ts'
import { createInternalClients } from '../clients/internal-clients.ts'
import { deliverHop } from '../clients/deliver-hop.ts'
import type { Config } from '../config/index.ts'
import type { ServerContext } from '../context.ts'
import { createSql } from '../db/create-sql.ts'
import { createLogger } from '../logger.ts'
import type { BackgroundTask } from './background-task.ts'
import { scheduleTasks } from '../schedules/schedule-tasks.ts'

export interface ServerSpec<D extends AgentServerDeps> {
  name: ServerName
  port: (config: Config) => number
  agents: AgentImplementation[]
  extendDeps?: (base: AgentServerDeps) => Promise<D> | D
  createApp: (deps: D) => Elysia<any, any, any, any, any, any, any>
  background?: (deps: D) => BackgroundTask[]
}

export interface RunningServer<D> {
  name: ServerName
  url: string
  port: number
  deps: D
  stop(): Promise<void>
}

/**
 * A run may hold a reserved connection (an advisory lock) while it queries on another, so a
 * server's pool must outnumber its runs in flight, with room left for the routes.
 */
export function serverPoolSize(config: Pick<Config, 'AGENT_CONCURRENCY'>): number {
  return Math.max(10, config.AGENT_CONCURRENCY + 4)
}

/**
 * Builds one server process from config: pool, logger, run engine, Eden clients, routes,
 * background tasks. Used by `bun run serverN` and by tests, which start servers in-process.
 */
export async function startServer<D extends AgentServerDeps>(
  spec: ServerSpec<D>,
  config: Config,
  options: { embedded?: boolean; port?: number } = {},
): Promise<RunningServer<D>> {
  const log = createLogger({ level: config.LOG_LEVEL, name: spec.name })
  const sql = createSql(config.DATABASE_URL, { max: serverPoolSize(config) })
  const ctx: ServerContext = {
    config,
    sql,
    log,
    instanceId: config.INSTANCE_ID ?? `${spec.name}-${process.pid}-${crypto.randomUUID().slice(0, 8)}`,
    embedded: options.embedded ?? false,
  }
  const clients = createInternalClients({
    secret: config.INTERNAL_SIGNING_SECRET,
    urls: { server1: config.SERVER1_URL, server2: config.SERVER2_URL, server3: config.SERVER3_URL },
  })
  // PGlite has one session: a second pool there is only a second queue in front of it
  const bookkeeping = options.embedded ? sql : createSql(config.DATABASE_URL, { max: 4, asyncCommit: true })
  const engine = new RunEngine(
    ctx,
    spec.agents,
    (hop) => deliverHop(clients, hop),
    joinHandlers,
    {
      leaseMs: config.AGENT_LEASE_MS,
      pollMs: config.AGENT_POLL_MS,
      concurrency: config.AGENT_CONCURRENCY,
      retryBaseMs: config.AGENT_RETRY_BASE_MS,
      retryMaxMs: 5 * 60_000,
      runTimeoutMs: config.AGENT_RUN_TIMEOUT_MS,
    },
    bookkeeping,
  )
  const base: AgentServerDeps = { ctx, engine }
  const deps = spec.extendDeps ? await spec.extendDeps(base) : (base as D)
  const app = spec.createApp(deps)
  app.listen({ port: options.port ?? spec.port(config), hostname: '0.0.0.0' })
  const port = app.server?.port
  if (!port) throw new Error(`${spec.name} did not start listening`)
  const tasks = [...scheduleTasks(ctx, engine, spec.name), ...(spec.background?.(deps) ?? [])]
  await engine.start()
  for (const task of tasks) await task.start()
  log.info({ port, instance: ctx.instanceId, agents: engine.agentNames, tasks: tasks.map((t) => t.name) }, 'server started')
  return {
    name: spec.name,
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    async stop() {
      await app.stop(true)
      for (const task of tasks) await task.stop()
      await engine.stop()
      if (bookkeeping !== sql) await bookkeeping.end({ timeout: 5 })
      await sql.end({ timeout: 5 })
    },
  }
}
