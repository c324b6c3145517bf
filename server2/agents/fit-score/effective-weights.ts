import { COMPONENTS, type Weights } from './weights.ts'

/** How far one user's calibration (Layer 2) may move a single global weight. */
export const DEFAULT_OFFSET_BOUND = 0.1

/**
 * Global (Layer 3) weights plus one user's additive offsets (Layer 2).
 * Offsets are clamped to ±bound so a few noisy signals cannot make one
 * component dominate a user's scores, weights stay non-negative, and the
 * result is renormalised to sum 1 so scores stay on the same 0–100 scale.
 * Offsets come from jsonb, so unknown keys and non-numbers are ignored.
 */
export function effectiveWeights(
  global: Weights,
  userOffsets: Readonly<Record<string, unknown>> | null | undefined,
  bound: number = DEFAULT_OFFSET_BOUND,
): Weights {
  const raw = {} as Weights
  let sum = 0
  for (const component of COMPONENTS) {
    const offset = userOffsets?.[component]
    const delta = typeof offset === 'number' && Number.isFinite(offset) ? Math.max(-bound, Math.min(bound, offset)) : 0
    const weight = Math.max(0, global[component] + delta)
    raw[component] = weight
    sum += weight
  }
  if (sum <= 0) throw new Error('scoring weights: all weights are zero')
  for (const component of COMPONENTS) raw[component] /= sum
  return raw
}
