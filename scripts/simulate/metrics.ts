/** Latencies and failures the harness observes itself (HTTP calls, WhatsApp commands), by action. */
export class ActionMetrics {
  readonly samples = new Map<string, { ms: number[]; failures: number; errors: string[] }>()
  /** actions started and not yet answered: what a server killed now would have in its hands */
  inFlight = 0

  record(action: string, ms: number, ok: boolean, error?: string) {
    let entry = this.samples.get(action)
    if (!entry) {
      entry = { ms: [], failures: 0, errors: [] }
      this.samples.set(action, entry)
    }
    entry.ms.push(ms)
    if (!ok) {
      entry.failures++
      if (error && entry.errors.length < 5) entry.errors.push(error)
    }
  }

  async time<T>(action: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now()
    this.inFlight++
    try {
      const result = await work()
      this.record(action, performance.now() - started, true)
      return result
    } catch (error) {
      this.record(action, performance.now() - started, false, error instanceof Error ? error.message : String(error))
      throw error
    } finally {
      this.inFlight--
    }
  }
}

/**
 * Runs `work` over `items` with at most `limit` in flight (a crowd of users, not a thundering
 * herd). One user's failure is handed to `onError` and the crowd carries on: the report counts
 * it, and the invariants judge what the system made of the rest.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, onError: (error: unknown) => void): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await work(item).catch(onError)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
