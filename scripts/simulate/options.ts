/** What one simulated day is made of; `bun run simulate --users N --jobs M --speed X [--seed S]`. */
export interface SimulationOptions {
  users: number
  jobs: number
  /** simulated seconds per real second: 3600 plays an hour of the day in one second */
  speed: number
  seed: string
  /** where the Markdown report goes; null writes none (tests) */
  reportPath: string | null
  /** give up waiting for the system to settle after this long */
  settleTimeoutMs: number
}

export const DEFAULT_OPTIONS: SimulationOptions = {
  users: 200,
  jobs: 1000,
  speed: 3600,
  seed: 'talvix-day',
  reportPath: 'docs/simulation.md',
  settleTimeoutMs: 10 * 60_000,
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, got ${value ?? 'nothing'}`)
  return n
}

/** Parses `--name value` pairs; an unknown flag is an error naming it (a typo never runs a default day). */
export function parseOptions(argv: string[], defaults: SimulationOptions = DEFAULT_OPTIONS): SimulationOptions & { extra: Record<string, string> } {
  const options = { ...defaults, extra: {} as Record<string, string> }
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? ''
    const value = argv[i + 1]
    if (!flag.startsWith('--')) throw new Error(`unexpected argument ${flag}`)
    const name = flag.slice(2)
    if (name === 'users') options.users = Math.floor(positive(name, value))
    else if (name === 'jobs') options.jobs = Math.floor(positive(name, value))
    else if (name === 'speed') options.speed = positive(name, value)
    else if (name === 'seed') options.seed = value ?? ''
    else if (name === 'report') options.reportPath = value === 'none' ? null : (value ?? null)
    else options.extra[name] = value ?? ''
  }
  return options
}
