import type { Outcome } from '../../../server3/agents/calibration/fit-global-weights.ts'

export const NAMES = ['experience', 'location', 'nice_skills', 'required_skills', 'salary', 'text', 'title']
export const WEIGHTS = { required_skills: 0.35, nice_skills: 0.08, title: 0.2, experience: 0.12, location: 0.1, salary: 0.05, text: 0.1 }

/** mulberry32, so the synthetic outcomes are the same on every run. */
export function prng(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Outcomes where only `predictor` decides success (logistic, steep); every other component is noise. */
export function syntheticOutcomes(count: number, predictor: string, seed = 7): { components: Record<string, number>; outcome: Outcome }[] {
  const random = prng(seed)
  return Array.from({ length: count }, () => {
    const components = Object.fromEntries(NAMES.map((name) => [name, Math.round(random() * 1000) / 1000]))
    const p = 1 / (1 + Math.exp(-(-4 + 8 * (components[predictor] ?? 0))))
    const success = random() < p ? 1 : 0
    return { components, outcome: { success, vector: NAMES.map((n) => components[n] ?? 0) } }
  })
}
