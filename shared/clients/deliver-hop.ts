import type { Hop } from '../agents/agent-implementation.ts'
import { retryDelayMs } from '../agents/retry-delay.ts'
import type { InternalClients } from './internal-clients.ts'
import { sendAgentRequest } from './send-agent-request.ts'

export interface HopRetryOptions {
  attempts: number
  baseMs: number
  maxMs: number
}

export const DEFAULT_HOP_RETRY: HopRetryOptions = { attempts: 5, baseMs: 200, maxMs: 5_000 }

/**
 * POSTs a hop to its server, retrying network errors and 5xx/429 with backoff. A 4xx other than
 * 408/429 is final (retrying an invalid request cannot help). Exhausting the retries throws; the
 * run row is already in the database, so the owning server's poll still finds it.
 */
export async function deliverHop(clients: InternalClients, hop: Hop, retry: HopRetryOptions = DEFAULT_HOP_RETRY) {
  const send = sendAgentRequest[hop.agent] as (c: InternalClients, input: unknown) => ReturnType<(typeof sendAgentRequest)['scrape']>
  let lastProblem = 'not attempted'
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    try {
      const { status } = await send(clients, hop.input)
      if (status >= 200 && status < 300) return
      lastProblem = `HTTP ${status}`
      if (status < 500 && status !== 408 && status !== 429) break
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error)
    }
    if (attempt < retry.attempts) await Bun.sleep(retryDelayMs(attempt, retry.baseMs, retry.maxMs))
  }
  throw new Error(`hop to ${hop.agent} not delivered: ${lastProblem}`)
}
