/**
 * Bounded storage: fit_scores would hold users × jobs rows if every pair were
 * kept. A score is kept when it reaches the floor (worth showing or
 * auto-applying) or is among its user's top N (so a user with no good matches
 * still sees their best options).
 *
 * `ScoreKeeper` applies the policy while a run's pairs stream past, on integer
 * positions and typed arrays: above-floor pairs are appended, and each user
 * holds at most N below-floor pairs in a fixed-size heap, so millions of
 * scored pairs never become millions of objects. `selectScoresToKeep` is the
 * same policy over an array of pairs.
 *
 * With a per-run cap C (`maxPerRun`), every pair goes into the user's heap of
 * the best max(C, N), and of those the best N are kept whatever their score,
 * the rest only at or above the floor.
 */

export interface KeepPolicy {
  /** scores at or above this are always kept */
  readonly floor: number
  /** each user's best N are kept whatever their score */
  readonly topN: number
  /**
   * At most this many pairs per user from one run (the best ones; at least
   * topN): above-floor pairs beyond it are dropped. Unset: no cap.
   */
  readonly maxPerRun?: number
}

/** Kept pairs as parallel arrays of user position, job position and score. */
export interface KeptPairs {
  readonly users: Uint32Array
  readonly jobs: Uint32Array
  readonly scores: Uint8Array
}

function grow<T extends Uint32Array | Uint8Array>(array: T, make: (n: number) => T): T {
  const grown = make(array.length * 2)
  grown.set(array)
  return grown
}

export class ScoreKeeper {
  private aboveUsers = new Uint32Array(1024)
  private aboveJobs = new Uint32Array(1024)
  private aboveScores = new Uint8Array(1024)
  private aboveLength = 0
  private readonly aboveCount: Uint32Array
  /** user u's heap occupies [u·N, u·N + heapSize[u]); its root is the pair to evict first */
  private readonly heapJobs: Uint32Array
  private readonly heapScores: Uint8Array
  private readonly heapSize: Uint32Array

  constructor(
    userCount: number,
    private readonly policy: KeepPolicy,
  ) {
    const n = ScoreKeeper.heapCapacity(policy)
    this.aboveCount = new Uint32Array(userCount)
    this.heapJobs = new Uint32Array(userCount * n)
    this.heapScores = new Uint8Array(userCount * n)
    this.heapSize = new Uint32Array(userCount)
  }

  private static heapCapacity(policy: KeepPolicy): number {
    const n = Math.max(0, policy.topN)
    return policy.maxPerRun === undefined ? n : Math.max(n, policy.maxPerRun)
  }

  private get capped(): boolean {
    return this.policy.maxPerRun !== undefined
  }

  /** Offers one scored pair; `score` is 0–100, positions are the run's array indices. */
  offer(user: number, job: number, score: number): void {
    if (score >= this.policy.floor && !this.capped) {
      this.append(user, job, score)
      return
    }
    const n = ScoreKeeper.heapCapacity(this.policy)
    if (n <= 0) return
    const base = user * n
    const size = this.heapSize[user] as number
    if (size < n) {
      this.heapJobs[base + size] = job
      this.heapScores[base + size] = score
      this.heapSize[user] = size + 1
      this.siftUp(base, size)
    } else if (this.evictsBefore(base, 0, score, job)) {
      this.heapJobs[base] = job
      this.heapScores[base] = score
      this.siftDown(base, n)
    }
  }

  /** Every above-floor pair in offer order, then each user's below-floor fill-ins. */
  kept(): KeptPairs {
    if (this.capped) return this.keptCapped()
    const n = this.policy.topN
    let fill = 0
    for (let u = 0; u < this.heapSize.length; u++) {
      fill += Math.min(this.heapSize[u] as number, Math.max(0, n - (this.aboveCount[u] as number)))
    }
    const total = this.aboveLength + fill
    const users = new Uint32Array(total)
    const jobs = new Uint32Array(total)
    const scores = new Uint8Array(total)
    users.set(this.aboveUsers.subarray(0, this.aboveLength))
    jobs.set(this.aboveJobs.subarray(0, this.aboveLength))
    scores.set(this.aboveScores.subarray(0, this.aboveLength))
    let k = this.aboveLength
    for (let u = 0; u < this.heapSize.length; u++) {
      const room = n - (this.aboveCount[u] as number)
      if (room <= 0) continue
      const base = u * n
      const entries = Array.from({ length: this.heapSize[u] as number }, (_, i) => base + i)
      entries.sort((a, b) => (this.heapScores[b] as number) - (this.heapScores[a] as number) || (this.heapJobs[a] as number) - (this.heapJobs[b] as number))
      for (const slot of entries.slice(0, room)) {
        users[k] = u
        jobs[k] = this.heapJobs[slot] as number
        scores[k] = this.heapScores[slot] as number
        k++
      }
    }
    return { users, jobs, scores }
  }

  /** Per user, the heap's pairs best first: rank < N always, then only at or above the floor. */
  private keptCapped(): KeptPairs {
    const capacity = ScoreKeeper.heapCapacity(this.policy)
    const { floor, topN } = this.policy
    let total = 0
    for (let u = 0; u < this.heapSize.length; u++) total += this.heapSize[u] as number
    const users = new Uint32Array(total)
    const jobs = new Uint32Array(total)
    const scores = new Uint8Array(total)
    let k = 0
    for (let u = 0; u < this.heapSize.length; u++) {
      const base = u * capacity
      const entries = Array.from({ length: this.heapSize[u] as number }, (_, i) => base + i)
      entries.sort((a, b) => (this.heapScores[b] as number) - (this.heapScores[a] as number) || (this.heapJobs[a] as number) - (this.heapJobs[b] as number))
      entries.forEach((slot, rank) => {
        const score = this.heapScores[slot] as number
        if (rank >= topN && score < floor) return
        users[k] = u
        jobs[k] = this.heapJobs[slot] as number
        scores[k] = score
        k++
      })
    }
    return { users: users.subarray(0, k), jobs: jobs.subarray(0, k), scores: scores.subarray(0, k) }
  }

  private append(user: number, job: number, score: number): void {
    if (this.aboveLength === this.aboveUsers.length) {
      this.aboveUsers = grow(this.aboveUsers, (n) => new Uint32Array(n))
      this.aboveJobs = grow(this.aboveJobs, (n) => new Uint32Array(n))
      this.aboveScores = grow(this.aboveScores, (n) => new Uint8Array(n))
    }
    this.aboveUsers[this.aboveLength] = user
    this.aboveJobs[this.aboveLength] = job
    this.aboveScores[this.aboveLength] = score
    this.aboveLength++
    this.aboveCount[user] = (this.aboveCount[user] as number) + 1
  }

  /** Whether the heap entry at slot i should be evicted before (score, job): lower score, or on a tie the later job. */
  private evictsBefore(base: number, i: number, score: number, job: number): boolean {
    const s = this.heapScores[base + i] as number
    return s < score || (s === score && (this.heapJobs[base + i] as number) > job)
  }

  private swap(a: number, b: number): void {
    const job = this.heapJobs[a] as number
    const score = this.heapScores[a] as number
    this.heapJobs[a] = this.heapJobs[b] as number
    this.heapScores[a] = this.heapScores[b] as number
    this.heapJobs[b] = job
    this.heapScores[b] = score
  }

  private siftUp(base: number, i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.evictsBefore(base, i, this.heapScores[base + parent] as number, this.heapJobs[base + parent] as number)) return
      this.swap(base + i, base + parent)
      i = parent
    }
  }

  private siftDown(base: number, size: number): void {
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let top = i
      if (l < size && this.evictsBefore(base, l, this.heapScores[base + top] as number, this.heapJobs[base + top] as number)) top = l
      if (r < size && this.evictsBefore(base, r, this.heapScores[base + top] as number, this.heapJobs[base + top] as number)) top = r
      if (top === i) return
      this.swap(base + i, base + top)
      i = top
    }
  }
}

export interface ScoredPair {
  readonly user_id: string
  readonly job_id: string
  readonly score: number
}

/**
 * The pairs to store, in input order. Among equal scores at a user's N-th
 * place the earlier pair is kept.
 */
export function selectScoresToKeep<T extends ScoredPair>(scores: readonly T[], policy: KeepPolicy): T[] {
  const userPositions = new Map<string, number>()
  for (const pair of scores) if (!userPositions.has(pair.user_id)) userPositions.set(pair.user_id, userPositions.size)
  const keeper = new ScoreKeeper(userPositions.size, policy)
  scores.forEach((pair, i) => keeper.offer(userPositions.get(pair.user_id) as number, i, pair.score))
  return [...keeper.kept().jobs].sort((a, b) => a - b).map((i) => scores[i] as T)
}
