/**
 * Polls `check` until it returns a truthy value. Unlike the tests' waitFor, an error (the
 * database restarting under a chaos run) counts as "not yet" — the harness must outlive the
 * faults it injects; only the deadline ends the wait, naming the last error.
 */
export async function pollUntil<T>(what: string, check: () => Promise<T>, timeoutMs: number, everyMs = 250): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let lastError = ''
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value) return value as NonNullable<T>
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    await Bun.sleep(everyMs)
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`)
}
