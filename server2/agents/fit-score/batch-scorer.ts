/**
 * Scores one job against many users (a delta run's inner loop) without
 * per-pair merges: the job's skill importances, nice-to-haves, title weights
 * and text weights are scattered once into dense arrays indexed by interned
 * id, and each user is then a few passes over their own short id arrays.
 * Results equal `fitScore` exactly (see fit-components.ts).
 */
import { combineScore } from './combine-score.ts'
import type { FeatureSpace } from './feature-space.ts'
import { finishComponents } from './fit-components.ts'
import type { JobFeatures } from './job-features.ts'
import { type RoleVector, titleBlend } from './title-similarity.ts'
import type { UserFeatures } from './user-features.ts'
import { COMPONENTS, type Weights } from './weights.ts'

function fitted<T extends Float32Array | Uint8Array>(array: T, size: number, make: (n: number) => T): T {
  return array.length >= size ? array : make(Math.max(size, array.length * 2))
}

export class BatchScorer {
  private required = new Float32Array(0)
  private nice = new Uint8Array(0)
  private role = new Float32Array(0)
  private terms = new Float32Array(0)
  private readonly values = new Float64Array(COMPONENTS.length)

  constructor(private readonly space: FeatureSpace) {}

  /**
   * Writes the 0–100 score of `job` for `users[positions[k]]` into `out[k]`
   * (`out.length ≥ positions.length`), e.g. positions from `candidateUsersForJob`.
   * `weights` is one set for everyone, or each user's effective weights
   * (global plus their offsets) indexed like `users`.
   */
  scoreUsers(
    job: JobFeatures,
    users: readonly UserFeatures[],
    positions: Uint32Array,
    weights: Weights | readonly Weights[],
    out: Uint8Array,
  ): void {
    if (job.space !== this.space) throw new Error('batch scorer: job built against another feature space')
    this.scatter(job, true)
    const { required, nice, role, terms, values } = this
    const jobTotal = job.role.total
    const sameForAll = Array.isArray(weights) ? null : (weights as Weights)
    const perUser = weights as readonly Weights[]
    for (let k = 0; k < positions.length; k++) {
      const position = positions[k] as number
      const user = users[position] as UserFeatures
      const skills = user.skills
      let requiredImportance = 0
      let niceCount = 0
      for (let i = 0; i < skills.length; i++) {
        const id = skills[i] as number
        requiredImportance += required[id] as number
        niceCount += nice[id] as number
      }
      // Indexed loops and plain comparisons: measurably faster than for-of and Math.min/max here.
      let title = 0
      const roles = user.roles
      for (let r = 0; r < roles.length; r++) {
        const target = roles[r] as RoleVector
        const targetIds = target.ids
        const targetWeights = target.weights
        let shared = 0
        for (let i = 0; i < targetIds.length; i++) {
          const weight = role[targetIds[i] as number] as number
          if (weight > 0) {
            const own = targetWeights[i] as number
            shared += own < weight ? own : weight
          }
        }
        const similarity = titleBlend(shared, target.total, jobTotal)
        if (similarity > title) title = similarity
      }
      const { ids, weights: termWeights } = user.text
      let dot = 0
      for (let i = 0; i < ids.length; i++) dot += (termWeights[i] as number) * (terms[ids[i] as number] as number)
      const known = finishComponents(user, job, requiredImportance, niceCount, title, dot, values)
      out[k] = Math.max(0, Math.min(100, Math.round(combineScore(values, known, sameForAll ?? (perUser[position] as Weights)))))
    }
    this.scatter(job, false)
  }

  /** Writes the job's weights into the dense arrays, or clears them again. */
  private scatter(job: JobFeatures, on: boolean): void {
    const { space } = this
    this.required = fitted(this.required, space.skills.size, (n) => new Float32Array(n))
    this.nice = fitted(this.nice, space.skills.size, (n) => new Uint8Array(n))
    this.role = fitted(this.role, space.roleTerms.size, (n) => new Float32Array(n))
    this.terms = fitted(this.terms, space.terms.size, (n) => new Float32Array(n))
    job.required.ids.forEach((id, k) => {
      this.required[id] = on ? (job.required.importance[k] as number) : 0
    })
    for (const id of job.nice) this.nice[id] = on ? 1 : 0
    job.role.ids.forEach((id, k) => {
      this.role[id] = on ? (job.role.weights[k] as number) : 0
    })
    job.text.ids.forEach((id, k) => {
      this.terms[id] = on ? (job.text.weights[k] as number) : 0
    })
  }
}
