/** Weights and component values are jsonb maps keyed by component name; these read them safely. */
export type WeightMap = Record<string, number>

/** The component names, in a stable order, from the active global weights row. */
export function componentNames(weights: WeightMap): string[] {
  return Object.keys(weights).sort()
}

/** A fit_scores.components document as a vector over `names`; a missing or non-number value is 0. */
export function toVector(components: unknown, names: string[]): number[] {
  const record = (typeof components === 'object' && components !== null ? components : {}) as Record<string, unknown>
  return names.map((name) => {
    const value = record[name]
    return typeof value === 'number' && Number.isFinite(value) ? value : 0
  })
}

export function readWeights(json: unknown): WeightMap {
  const record = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>
  const weights: WeightMap = {}
  for (const [name, value] of Object.entries(record)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`scoring weights: "${name}" must be a non-negative number`)
    }
    weights[name] = value
  }
  if (Object.keys(weights).length === 0) throw new Error('scoring weights: no components')
  return weights
}

export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000
}
