import type { SimulationOptions } from '../simulate/options.ts'
import { seededRandom } from '../fixtures/random.ts'
import type { SimulationResult } from '../simulate/report.ts'
import { runDay } from '../simulate/run-day.ts'
import { startChaosMonkey } from './chaos-monkey.ts'

export interface ChaosOutcome {
  result: SimulationResult
  kills: number
  postgresRestarts: number
  recoveryErrors: number
}

/** The simulated day with the fault injector running through it; `command` is what the report records. */
export async function runChaos(options: SimulationOptions, plan: { kills: number; restartPostgres: boolean }, command: string): Promise<ChaosOutcome> {
  let summary = { kills: 0, postgresRestarts: 0, errors: 0 }
  const result = await runDay(options, command, {
    // a killed server's runs are re-claimed when their lease expires: short leases, quick recovery
    serverEnv: { AGENT_LEASE_MS: '8000' },
    clientRetries: 120,
    duringDay({ cluster, databaseUrl, metrics, say }) {
      const monkey = startChaosMonkey(
        cluster,
        databaseUrl,
        { ...plan, gapSeconds: [2, 8], downSeconds: [0.5, 4], busyWaitSeconds: 30 },
        () => metrics.inFlight,
        seededRandom(`${options.seed}:faults`),
        say,
      )
      return {
        async stop() {
          const lines = await monkey.stop()
          summary = monkey.summary()
          return lines
        },
      }
    },
  })
  return { result, kills: summary.kills, postgresRestarts: summary.postgresRestarts, recoveryErrors: summary.errors }
}
