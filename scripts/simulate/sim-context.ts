import type { Sql } from '#shared/db/create-sql.ts'
import type { Cluster } from './cluster.ts'
import type { JobBoards } from './job-boards.ts'
import type { ActionMetrics } from './metrics.ts'
import type { SimulationOptions } from './options.ts'
import type { Persona } from './personas.ts'
import type { Random } from '../fixtures/random.ts'
import type { Server1Client } from './server1-client.ts'
import type { WhatsAppNetwork } from './whatsapp.ts'

/** Everything the day's events act through. */
export interface Sim {
  options: SimulationOptions
  sql: Sql
  cluster: Cluster
  boards: JobBoards
  client: Server1Client
  whatsapp: WhatsAppNetwork
  personas: Persona[]
  metrics: ActionMetrics
  random: Random
  /** progress lines (stderr), so stdout stays the report */
  say(line: string): void
  /** a user action that failed for good: counted in the report, the day goes on */
  failed(error: unknown): void
}

/** Parallel users at once: a crowd, bounded so a 2-core machine measures the system, not the harness. */
export const USER_CONCURRENCY = 12
