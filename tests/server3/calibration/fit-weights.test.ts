import { expect, test } from 'bun:test'
import { fitGlobalWeights, MAX_WEEKLY_STEP } from '../../../server3/agents/calibration/fit-global-weights.ts'
import { fitUserOffsets, OFFSET_BOUND } from '../../../server3/agents/calibration/user-offsets.ts'
import { NAMES, syntheticOutcomes, WEIGHTS } from './synthetic-outcomes.ts'

const sum = (w: Record<string, number>) => Object.values(w).reduce((a, b) => a + b, 0)

test('Layer 3: the one predictive component gains the most weight, within the weekly bound, weights still sum to 1', () => {
  const fit = fitGlobalWeights(NAMES, WEIGHTS, syntheticOutcomes(400, 'location').map((d) => d.outcome))
  const gains = NAMES.map((n) => [n, (fit.weights[n] ?? 0) - WEIGHTS[n as keyof typeof WEIGHTS]] as const).sort((a, b) => b[1] - a[1])
  expect(gains[0]?.[0]).toBe('location')
  expect(gains[0]?.[1]).toBeGreaterThan(0.04)
  expect(fit.maxChange).toBeLessThanOrEqual(MAX_WEEKLY_STEP + 1e-9)
  expect(sum(fit.weights)).toBeCloseTo(1, 3)
  expect(fit.logLossAfter).toBeLessThan(fit.logLossBefore)
})

test('Layer 3: thin data barely moves the weights', () => {
  const fit = fitGlobalWeights(NAMES, WEIGHTS, syntheticOutcomes(35, 'location').map((d) => d.outcome))
  expect(fit.maxChange).toBeLessThan(0.01)
})

const vector = (title: number) => NAMES.map((n) => (n === 'title' ? title : 0.5))

test('Layer 2: a user who approves high-title jobs and skips low-title ones gets a positive title offset; thin data stays near 0', () => {
  const baseline = NAMES.map(() => 0.5)
  const many = [...Array.from({ length: 30 }, () => ({ weight: 1, vector: vector(0.9) })), ...Array.from({ length: 30 }, () => ({ weight: -1, vector: vector(0.2) }))]
  const fitted = fitUserOffsets(NAMES, many, baseline)
  expect(fitted.offsets.title).toBeGreaterThan(0.08)
  expect(fitted.offsets.title).toBeLessThanOrEqual(OFFSET_BOUND)
  expect(fitted.offsets.salary).toBe(0)
  const thin = fitUserOffsets(NAMES, [{ weight: 1, vector: vector(0.9) }], baseline)
  expect(Math.abs(thin.offsets.title ?? 0)).toBeLessThan(0.01)
})
