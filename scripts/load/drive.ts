import { percentile } from '../bench/percentiles.ts'

export interface StepResult {
  connections: number
  requests: number
  errors: number
  rps: number
  p50_ms: number
  p99_ms: number
  /** CPU the target process spent per answered request in the measured window (ms), when `targetCpuMs` is given */
  cpu_ms_per_request: number | null
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
  /** the target process's CPU time so far (ms) */
  targetCpuMs?: () => number
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
  const cpuAtWarmupEnd = (async () => {
    await Bun.sleep(Math.max(0, warmupEnds - performance.now()))
    return options.targetCpuMs?.()
  })()
  await Promise.all(Array.from({ length: options.connections }, client))
  const cpuStart = await cpuAtWarmupEnd
  const cpuEnd = options.targetCpuMs?.()
  return {
    connections: options.connections,
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / options.seconds),
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    cpu_ms_per_request:
      cpuStart === undefined || cpuEnd === undefined || latencies.length === 0 ? null : Math.round(((cpuEnd - cpuStart) / latencies.length) * 1000) / 1000,
  }
}
