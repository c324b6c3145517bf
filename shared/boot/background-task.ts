/** Something a server runs beside its HTTP routes: a poller, a LISTEN bridge, a scheduler. */
export interface BackgroundTask {
  name: string
  start(): Promise<void>
  stop(): Promise<void>
}

/** A claim-and-process loop: runs `tick` every `intervalMs`, never two ticks at once. */
export function intervalTask(name: string, intervalMs: number, tick: () => Promise<unknown>, onError: (err: unknown) => void): BackgroundTask & { tickNow(): Promise<void> } {
  let timer: Timer | undefined
  let running: Promise<void> | undefined
  const runOnce = () => {
    running ??= tick()
      .then(() => undefined)
      .catch(onError)
      .finally(() => {
        running = undefined
      })
    return running
  }
  return {
    name,
    async start() {
      timer = setInterval(() => void runOnce(), intervalMs)
      void runOnce()
    },
    async stop() {
      clearInterval(timer)
      await running
    },
    tickNow: runOnce,
  }
}
