import type { JobSourceRow } from '../../../server3/agents/scrape/create-adapter.ts'
import type { RunSourcesOptions } from '../../../server3/agents/scrape/run-sources.ts'
import type { SourceKind } from '../../../server3/agents/scrape/types.ts'

export const TEST_NOW = new Date('2025-01-15T06:00:00Z')

/**
 * Run options for tests: waits are recorded instead of slept, jitter is fixed
 * at the middle of its range, retries are few — so a run takes milliseconds
 * and its pacing and backoff can be asserted.
 */
export function fastRunOptions(overrides: RunSourcesOptions = {}): { opts: RunSourcesOptions; sleeps: number[] } {
  const sleeps: number[] = []
  return {
    sleeps,
    opts: {
      sleep: async (ms: number) => {
        sleeps.push(ms)
      },
      random: () => 0.5,
      now: () => TEST_NOW,
      retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 100, timeoutMs: 5_000 },
      ...overrides,
    },
  }
}

export function sourceRow(kind: SourceKind, baseUrl: string, config: unknown = {}, id: string = kind): JobSourceRow {
  return { id, kind, base_url: baseUrl, enabled: true, config }
}
