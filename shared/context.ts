import type { Config } from './config/index.ts'
import type { Sql } from './db/create-sql.ts'
import type { Logger } from './logger.ts'

/** What every server process is built from; tests build one per in-process server. */
export interface ServerContext {
  config: Config
  sql: Sql
  log: Logger
  /** names this process in run leases and logs */
  instanceId: string
  /** PGlite behind scripts/dev/pglite-wire-server.ts: no pg_cron and no LISTEN/NOTIFY across connections */
  embedded: boolean
}
