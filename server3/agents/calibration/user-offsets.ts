import { round4 } from './component-vectors.ts'

/** How strongly each kind of signal says "more jobs like this" (+) or "fewer" (−). */
export const SIGNAL_WEIGHTS: Record<string, number> = {
  approved: 1,
  manual_apply: 1,
  auto_apply: 0,
  interview: 2,
  offer: 3,
  skipped: -1,
  rejected: -1,
}

/** Layer 2 may move one component of one user's weights at most this far (the scorer clamps to the same bound). */
export const OFFSET_BOUND = 0.1
/** A full contrast (liked jobs score 1 on a component, disliked 0) moves the weight this much before shrinkage. */
const OFFSET_SCALE = 0.2
/** Pseudo-signals of "no preference": with n signals the offset keeps n / (n + PRIOR) of its size. */
export const OFFSET_PRIOR_SIGNALS = 20

export interface LabelledSignal {
  /** from SIGNAL_WEIGHTS; 0 = no preference expressed */
  weight: number
  vector: number[]
}

export interface UserOffsets {
  offsets: Record<string, number>
  /** total |weight| of the signals used */
  sampleSize: number
  shrink: number
}

function weightedMean(items: LabelledSignal[], dims: number): number[] | null {
  const total = items.reduce((sum, item) => sum + Math.abs(item.weight), 0)
  if (total === 0) return null
  const mean = Array.from({ length: dims }, () => 0)
  for (const item of items) item.vector.forEach((value, i) => (mean[i] = (mean[i] ?? 0) + (value * Math.abs(item.weight)) / total))
  return mean
}

/**
 * One user's offsets from their own signals: for each component, how much higher it is on jobs
 * the user wanted (approved, applied to, got an interview) than on jobs they turned down or were
 * rejected from — or than their average scored job, when one side has no signals yet. The
 * contrast is shrunk toward zero (= the global weights) by n / (n + prior) and bounded.
 */
export function fitUserOffsets(names: string[], signals: LabelledSignal[], baseline: number[]): UserOffsets {
  const used = signals.filter((signal) => signal.weight !== 0)
  const sampleSize = used.reduce((sum, signal) => sum + Math.abs(signal.weight), 0)
  const liked = weightedMean(used.filter((s) => s.weight > 0), names.length) ?? baseline
  const disliked = weightedMean(used.filter((s) => s.weight < 0), names.length) ?? baseline
  const shrink = sampleSize / (sampleSize + OFFSET_PRIOR_SIGNALS)
  const offsets: Record<string, number> = {}
  names.forEach((name, i) => {
    const contrast = (liked[i] ?? 0) - (disliked[i] ?? 0)
    offsets[name] = round4(Math.max(-OFFSET_BOUND, Math.min(OFFSET_BOUND, OFFSET_SCALE * contrast * shrink)))
  })
  return { offsets, sampleSize, shrink: round4(shrink) }
}
