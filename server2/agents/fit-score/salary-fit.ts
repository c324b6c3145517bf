export const NEUTRAL = 0.5

/** A shortfall of this fraction of the expectation or more scores zero. */
const ZERO_AT_SHORTFALL = 0.4

/** The top of a salary band; with only a minimum stated, 30 % above it, a common band width. */
export function bandTop(bandMin: number | null, bandMax: number | null): number | null {
  return bandMax ?? (bandMin === null ? null : bandMin * 1.3)
}

/**
 * Whether the job's band reaches what the user expects (annual INR). Paying
 * more than expected is a full fit; a band topping out below the expectation
 * falls linearly with the shortfall. Either side unknown is neutral.
 */
export function salaryFit(expected: number | null, bandMin: number | null, bandMax: number | null): number {
  if (expected === null || expected <= 0) return NEUTRAL
  const top = bandTop(bandMin, bandMax)
  if (top === null) return NEUTRAL
  if (top >= expected) return 1
  return Math.max(0, 1 - (expected - top) / expected / ZERO_AT_SHORTFALL)
}
