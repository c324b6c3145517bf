/**
 * Scores one job against many users (a delta run's inner loop) without
 * per-pair merges: the job's skill importances, nice-to-haves, title weights
 * and text weights are scattered once into dense arrays indexed by interned
 * id, and each user is then a few passes over their own short id arrays.
 *
 * The users are packed once per `users` array into flat typed arrays
 * (compressed rows of skill ids, role terms and text terms, plus years,
 * salary and an interned place preference): scoring 20,000 users through
 * their objects costs a dozen cache misses a pair (object → typed array →
 * backing store, for each feature), which was ~90 % of the time. Candidate
 * positions ascend, so the packed rows are read front to back.
 * Results equal `fitScore` exactly (see fit-components.ts).
 */
import { combineScore } from './combine-score.ts'
import type { FeatureSpace } from './feature-space.ts'
import { finishPrimitive } from './fit-components.ts'
import type { JobFeatures } from './job-features.ts'
import { locationFit, type PlacePreference } from './location-fit.ts'
import { titleBlend } from './title-similarity.ts'
import type { UserFeatures } from './user-features.ts'
import { COMPONENTS, type Weights } from './weights.ts'

function fitted<T extends Float32Array | Uint8Array>(array: T, size: number, make: (n: number) => T): T {
  return array.length >= size ? array : make(Math.max(size, array.length * 2))
}

/** Users as flat arrays; row u of a compressed array is [off[u], off[u + 1]). */
export interface PackedUsers {
  readonly count: number
  readonly skillOff: Uint32Array
  readonly skillIds: Uint32Array
  /** user → their roles in roleTermOff/roleTotal */
  readonly roleOff: Uint32Array
  /** role → its terms in roleIds/roleWeights */
  readonly roleTermOff: Uint32Array
  readonly roleIds: Uint32Array
  readonly roleWeights: Float32Array
  readonly roleTotal: Float64Array
  readonly textOff: Uint32Array
  readonly textIds: Uint32Array
  readonly textWeights: Float32Array
  readonly years: Float64Array
  /** annual INR; NaN when unknown */
  readonly salary: Float64Array
  /** index into prefs: users with the same place preference share one */
  readonly pref: Uint32Array
  readonly prefs: readonly PlacePreference[]
}

function prefKey(p: PlacePreference): string {
  return JSON.stringify(p)
}

export function packUsers(users: readonly UserFeatures[]): PackedUsers {
  const n = users.length
  let skillLen = 0
  let roleLen = 0
  let termLen = 0
  let textLen = 0
  for (const user of users) {
    skillLen += user.skills.length
    roleLen += user.roles.length
    for (const role of user.roles) termLen += role.ids.length
    textLen += user.text.ids.length
  }
  const packed = {
    count: n,
    skillOff: new Uint32Array(n + 1),
    skillIds: new Uint32Array(skillLen),
    roleOff: new Uint32Array(n + 1),
    roleTermOff: new Uint32Array(roleLen + 1),
    roleIds: new Uint32Array(termLen),
    roleWeights: new Float32Array(termLen),
    roleTotal: new Float64Array(roleLen),
    textOff: new Uint32Array(n + 1),
    textIds: new Uint32Array(textLen),
    textWeights: new Float32Array(textLen),
    years: new Float64Array(n),
    salary: new Float64Array(n),
    pref: new Uint32Array(n),
    prefs: [] as PlacePreference[],
  }
  const prefIds = new Map<string, number>()
  let s = 0
  let r = 0
  let t = 0
  let x = 0
  users.forEach((user, u) => {
    packed.skillIds.set(user.skills, s)
    s += user.skills.length
    packed.skillOff[u + 1] = s
    for (const role of user.roles) {
      packed.roleIds.set(role.ids, t)
      packed.roleWeights.set(role.weights, t)
      t += role.ids.length
      packed.roleTotal[r] = role.total
      r++
      packed.roleTermOff[r] = t
    }
    packed.roleOff[u + 1] = r
    packed.textIds.set(user.text.ids, x)
    packed.textWeights.set(user.text.weights, x)
    x += user.text.ids.length
    packed.textOff[u + 1] = x
    packed.years[u] = user.years
    packed.salary[u] = user.expectedSalary ?? Number.NaN
    const key = prefKey(user.places)
    let id = prefIds.get(key)
    if (id === undefined) {
      id = packed.prefs.length
      prefIds.set(key, id)
      packed.prefs.push(user.places)
    }
    packed.pref[u] = id
  })
  return packed
}

export class BatchScorer {
  private required = new Float32Array(0)
  private nice = new Uint8Array(0)
  private role = new Float32Array(0)
  private terms = new Float32Array(0)
  private readonly values = new Float64Array(COMPONENTS.length)
  /** the packed form of each users array scored, built on first use */
  private readonly packs = new WeakMap<readonly UserFeatures[], PackedUsers>()

  constructor(private readonly space: FeatureSpace) {}

  /** The packed users for `users` (built once per array; the array must not change afterwards). */
  packed(users: readonly UserFeatures[]): PackedUsers {
    let packed = this.packs.get(users)
    if (packed === undefined || packed.count !== users.length) {
      packed = packUsers(users)
      this.packs.set(users, packed)
    }
    return packed
  }

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
    const p = this.packed(users)
    this.scatter(job, true)
    const { required, nice, role, terms, values } = this
    const { skillOff, skillIds, roleOff, roleTermOff, roleIds, roleWeights, roleTotal, textOff, textIds, textWeights } = p
    const jobTotal = job.role.total
    const sameForAll = Array.isArray(weights) ? null : (weights as Weights)
    const perUser = weights as readonly Weights[]
    // Location fit depends only on the user's (interned) preference: computed once per preference per job.
    const location = new Float64Array(p.prefs.length).fill(Number.NaN)
    for (let k = 0; k < positions.length; k++) {
      const u = positions[k] as number
      const skillStart = skillOff[u] as number
      const skillEnd = skillOff[u + 1] as number
      let requiredImportance = 0
      let niceCount = 0
      for (let i = skillStart; i < skillEnd; i++) {
        const id = skillIds[i] as number
        requiredImportance += required[id] as number
        niceCount += nice[id] as number
      }
      // Indexed loops and plain comparisons: measurably faster than for-of and Math.min/max here.
      let title = 0
      const roleStart = roleOff[u] as number
      const roleEnd = roleOff[u + 1] as number
      for (let r = roleStart; r < roleEnd; r++) {
        const termEnd = roleTermOff[r + 1] as number
        let shared = 0
        for (let i = roleTermOff[r] as number; i < termEnd; i++) {
          const weight = role[roleIds[i] as number] as number
          if (weight > 0) {
            const own = roleWeights[i] as number
            shared += own < weight ? own : weight
          }
        }
        const similarity = titleBlend(shared, roleTotal[r] as number, jobTotal)
        if (similarity > title) title = similarity
      }
      const textStart = textOff[u] as number
      const textEnd = textOff[u + 1] as number
      let dot = 0
      for (let i = textStart; i < textEnd; i++) dot += (textWeights[i] as number) * (terms[textIds[i] as number] as number)
      const pref = p.pref[u] as number
      let where = location[pref] as number
      if (where !== where) {
        where = locationFit(p.prefs[pref] as PlacePreference, job.places)
        location[pref] = where
      }
      const salary = p.salary[u] as number
      const known = finishPrimitive(
        skillEnd > skillStart,
        roleEnd > roleStart,
        textEnd > textStart,
        p.years[u] as number,
        where,
        salary !== salary ? null : salary,
        job,
        requiredImportance,
        niceCount,
        title,
        dot,
        values,
      )
      out[k] = Math.max(0, Math.min(100, Math.round(combineScore(values, known, sameForAll ?? (perUser[u] as Weights)))))
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
