export interface PacingPolicy {
  minMs: number
  maxMs: number
}

/** 3–7 s between page requests reads like a person paging through results, not a crawler. */
export const DEFAULT_PACING: PacingPolicy = { minMs: 3_000, maxMs: 7_000 }

/**
 * Returns a function to await before every request to one platform: the first
 * call returns at once, each later one waits a random gap within the policy.
 */
export function createPacer(
  policy: PacingPolicy,
  deps: { sleep(ms: number): Promise<void>; random(): number },
): () => Promise<void> {
  let first = true
  return async () => {
    if (first) {
      first = false
      return
    }
    await deps.sleep(policy.minMs + deps.random() * (policy.maxMs - policy.minMs))
  }
}
