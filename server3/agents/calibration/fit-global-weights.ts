import { round4, type WeightMap } from './component-vectors.ts'

export interface Outcome {
  vector: number[]
  /** 1 = interview or offer, 0 = rejected */
  success: 0 | 1
}

/** Below this many labelled outcomes (or this many of either kind) a week's data is not used at all. */
export const MIN_SAMPLE = 30
export const MIN_PER_CLASS = 5
/** A weight moves at most this far in one week, whatever the data says. */
export const MAX_WEEKLY_STEP = 0.05
/** Outcomes of "no evidence": the move toward the fitted weights is n / (n + this). */
const CONFIDENCE_HALF_SAMPLE = 200
/** The current weights as logistic coefficients: a score difference of 1.0 is this many log-odds. */
const PRIOR_SCALE = 8
/** Strength of the Gaussian prior that pulls coefficients toward the current weights (ridge toward them, not toward 0). */
const PRIOR_STRENGTH = 10
/** Below this the fitted change is noise; no new version is written. */
export const MIN_MEANINGFUL_CHANGE = 0.002

export interface WeeklyFit {
  weights: WeightMap
  coefficients: number[]
  confidence: number
  maxChange: number
  logLossBefore: number
  logLossAfter: number
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

function logLoss(outcomes: Outcome[], intercept: number, beta: number[]): number {
  let sum = 0
  for (const o of outcomes) {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, sigmoid(intercept + dot(beta, o.vector))))
    sum -= o.success ? Math.log(p) : Math.log(1 - p)
  }
  return sum / outcomes.length
}

function dot(a: number[], b: number[]): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0)
  return sum
}

/** Solves A x = b (A symmetric positive definite here) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i] ?? 0])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r
    ;[m[col], m[pivot]] = [m[pivot]!, m[col]!]
    const p = m[col]![col]!
    if (Math.abs(p) < 1e-12) continue
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const f = m[r]![col]! / p
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!))
}

/**
 * Maximum a posteriori logistic regression of success on the score components, with a Gaussian
 * prior centred on the current weights (so thin or noisy data leaves them where they are),
 * solved by Newton's method. The intercept is free.
 */
export function fitLogistic(outcomes: Outcome[], prior: number[]): { intercept: number; beta: number[] } {
  const d = prior.length
  const rate = outcomes.reduce((s, o) => s + o.success, 0) / outcomes.length
  const meanScore = outcomes.reduce((s, o) => s + dot(prior, o.vector), 0) / outcomes.length
  let theta = [Math.log(rate / (1 - rate)) - meanScore, ...prior]
  for (let iter = 0; iter < 50; iter++) {
    const grad = Array.from({ length: d + 1 }, () => 0)
    const hess = Array.from({ length: d + 1 }, () => Array.from({ length: d + 1 }, () => 0))
    for (const o of outcomes) {
      const x = [1, ...o.vector]
      const p = sigmoid(dot(theta, x))
      const w = p * (1 - p)
      for (let i = 0; i <= d; i++) {
        grad[i]! += (p - o.success) * x[i]!
        for (let j = 0; j <= d; j++) hess[i]![j]! += w * x[i]! * x[j]!
      }
    }
    for (let i = 1; i <= d; i++) {
      grad[i]! += PRIOR_STRENGTH * (theta[i]! - prior[i - 1]!)
      hess[i]![i]! += PRIOR_STRENGTH
    }
    hess[0]![0]! += 1e-6
    const step = solve(hess, grad)
    theta = theta.map((t, i) => t - step[i]!)
    if (Math.max(...step.map(Math.abs)) < 1e-7) break
  }
  return { intercept: theta[0]!, beta: theta.slice(1) }
}

/**
 * Layer 3: the global weights for next week. Coefficients fitted as above become target weights
 * (negative ones count as 0, normalised to sum 1); the weights move toward them by the data's
 * confidence n / (n + 200), each by at most MAX_WEEKLY_STEP, with the total kept at 1.
 */
export function fitGlobalWeights(names: string[], current: WeightMap, outcomes: Outcome[]): WeeklyFit {
  const total = names.reduce((s, n) => s + (current[n] ?? 0), 0)
  const w = names.map((n) => (current[n] ?? 0) / total)
  const prior = w.map((x) => x * PRIOR_SCALE)
  const { intercept, beta } = fitLogistic(outcomes, prior)
  const positive = beta.map((b) => Math.max(0, b))
  const positiveSum = positive.reduce((s, b) => s + b, 0)
  const target = positiveSum > 0 ? positive.map((b) => b / positiveSum) : w
  const confidence = outcomes.length / (outcomes.length + CONFIDENCE_HALF_SAMPLE)
  const steps = w.map((x, i) => Math.max(-MAX_WEEKLY_STEP, Math.min(MAX_WEEKLY_STEP, confidence * (target[i]! - x))))
  // Clamping can unbalance the steps; shrinking the larger side keeps the sum at 1 without a
  // renormalisation that would push a clamped step past the bound again.
  const up = steps.reduce((s, d) => s + Math.max(0, d), 0)
  const down = steps.reduce((s, d) => s - Math.min(0, d), 0)
  const balanced = steps.map((d) => (d > 0 && up > down ? (d * down) / up : d < 0 && down > up ? (d * up) / down : d))
  const weights: WeightMap = {}
  names.forEach((name, i) => (weights[name] = round4(Math.max(0, w[i]! + balanced[i]!))))
  const maxChange = Math.max(...names.map((name, i) => Math.abs(weights[name]! - w[i]!)))
  const rate = outcomes.reduce((s, o) => s + o.success, 0) / outcomes.length
  const baseline = Math.log(rate / (1 - rate)) - outcomes.reduce((s, o) => s + dot(prior, o.vector), 0) / outcomes.length
  return {
    weights,
    coefficients: beta.map(round4),
    confidence: round4(confidence),
    maxChange: round4(maxChange),
    logLossBefore: round4(logLoss(outcomes, baseline, prior)),
    logLossAfter: round4(logLoss(outcomes, intercept, beta)),
  }
}
