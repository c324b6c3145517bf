import { parseArgs } from 'node:util'
import { usageError } from '#shared/cli/cli-error.ts'

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
  if (!Number.isFinite(n) || n <= 0) throw usageError(`--${name} needs a positive number, got ${value ?? 'nothing'}`)
  return n
}

const SIMULATION_FLAGS = {
  users: { type: 'string' },
  jobs: { type: 'string' },
  speed: { type: 'string' },
  seed: { type: 'string' },
  report: { type: 'string' },
} as const

/**
 * Parses `--name value` flags strictly: an unknown flag is an error naming it (a typo never runs a
 * default day). `extra` declares a caller's own flags (chaos: --kills, --pg-restart), returned as text.
 */
export function parseOptions<E extends Record<string, { type: 'string' }>>(
  argv: string[],
  defaults: SimulationOptions = DEFAULT_OPTIONS,
  extra: E = {} as E,
): SimulationOptions & { extra: Partial<Record<keyof E, string>> } {
  const { values } = parseArgs({ args: argv, options: { ...SIMULATION_FLAGS, ...extra }, strict: true })
  const flags = values as Record<string, string | undefined>
  const options = { ...defaults }
  if (flags.users !== undefined) options.users = Math.floor(positive('users', flags.users))
  if (flags.jobs !== undefined) options.jobs = Math.floor(positive('jobs', flags.jobs))
  if (flags.speed !== undefined) options.speed = positive('speed', flags.speed)
  if (flags.seed !== undefined) options.seed = flags.seed
  if (flags.report !== undefined) options.reportPath = flags.report === 'none' ? null : flags.report
  const extraValues = Object.fromEntries(Object.keys(extra).map((name) => [name, flags[name]])) as Partial<Record<keyof E, string>>
  return { ...options, extra: extraValues }
}
