import { percentile } from '../bench/percentiles.ts'

export interface StepResult {
  connections: number
  requests: number
  errors: number
  rps: number
  p50_ms: number
  p99_ms: number
}

/**
 * Closed-loop load: `connections` concurrent clients, each sending its next request as soon as
 * the previous answer is read, for `seconds` (after `warmupSeconds` not counted). Bounded in
 * time; an answer with an unexpected status counts as an error.
 */
export async function drive(options: {
  connections: number
  seconds: number
  warmupSeconds?: number
  request: (i: number) => Request
  expectStatus: number
}): Promise<StepResult> {
  const latencies: number[] = []
  let errors = 0
  let sent = 0
  const warmupEnds = performance.now() + (options.warmupSeconds ?? 1) * 1000
  const ends = warmupEnds + options.seconds * 1000
  const client = async () => {
    while (performance.now() < ends) {
      const started = performance.now()
      try {
        const res = await fetch(options.request(sent++))
        await res.arrayBuffer()
        if (res.status !== options.expectStatus) errors++
      } catch {
        errors++
      }
      if (started >= warmupEnds) latencies.push(performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: options.connections }, client))
  return {
    connections: options.connections,
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / options.seconds),
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
  }
}
