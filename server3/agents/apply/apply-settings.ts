import type { Config } from '#shared/config/index.ts'

/** Scores at or above this get a tailored resume and a cover letter before the apply. */
export const TAILORING_MIN_SCORE = 75

/** `APPLY_DAILY_CAPS` ("linkedin:30,email:60,default:40") as a lookup; the schema has checked its shape. */
export function dailyCapFor(config: Pick<Config, 'APPLY_DAILY_CAPS'>, platform: string): number {
  const caps = new Map(
    config.APPLY_DAILY_CAPS.split(',').map((entry) => {
      const [name, count] = entry.split(':')
      return [name ?? '', Number(count)] as const
    }),
  )
  return caps.get(platform) ?? caps.get('default') ?? Number.POSITIVE_INFINITY
}

/** A random gap in [min, max]: applies at a fixed interval look like a bot. */
export function paceGapMs(config: Pick<Config, 'APPLY_PACE_MIN_MS' | 'APPLY_PACE_MAX_MS'>, random = Math.random): number {
  const min = config.APPLY_PACE_MIN_MS
  const max = Math.max(min, config.APPLY_PACE_MAX_MS)
  return Math.round(min + random() * (max - min))
}
