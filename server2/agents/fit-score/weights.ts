/**
 * The scoring components and their weights. The keys are the ones the
 * calibration tables store (`scoring_weights.weights`,
 * `user_scoring_offsets.offsets`), so a weights row from the database is a
 * `Weights` once validated.
 */
export const COMPONENTS = [
  'required_skills',
  'nice_skills',
  'title',
  'experience',
  'location',
  'salary',
  'text',
] as const

export type Component = (typeof COMPONENTS)[number]

export type Weights = Record<Component, number>

/** The hand-set weights the first migration seeds; the CLI scorer uses them without a database. */
export const DEFAULT_WEIGHTS: Weights = {
  required_skills: 0.35,
  nice_skills: 0.08,
  title: 0.2,
  experience: 0.12,
  location: 0.1,
  salary: 0.05,
  text: 0.1,
}

/**
 * Validates a weights document read from jsonb. A missing, negative or
 * non-numeric weight is a calibration bug that would silently skew every
 * score, so it throws naming the key instead of defaulting.
 */
export function weightsFromJson(json: unknown): Weights {
  if (typeof json !== 'object' || json === null) throw new Error('scoring weights: expected an object')
  const record = json as Record<string, unknown>
  const weights = {} as Weights
  for (const component of COMPONENTS) {
    const value = record[component]
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`scoring weights: "${component}" must be a non-negative number, got ${JSON.stringify(value)}`)
    }
    weights[component] = value
  }
  return weights
}
