/**
 * Bounded storage: fit_scores would hold users × jobs rows if every pair were
 * kept. A score is kept when it reaches the floor (worth showing or
 * auto-applying) or is among its user's top N (so a user with no good matches
 * still sees their best options).
 *
 * `ScoreKeeper` applies the policy while pairs stream past, holding at most N
 * below-floor pairs per user, so a delta run never materialises every scored
 * pair; `selectScoresToKeep` is the same policy over an array.
 */

export interface ScoredPair {
  readonly user_id: string
  readonly job_id: string
  readonly score: number
}

export interface KeepPolicy {
  /** scores at or above this are always kept */
  readonly floor: number
  /** each user's best N are kept whatever their score */
  readonly topN: number
}

/** Heap order: the pair to evict first (lowest score; on a tie the later job id) sits on top. */
function worse(a: ScoredPair, b: ScoredPair): boolean {
  return a.score < b.score || (a.score === b.score && a.job_id > b.job_id)
}

/** A bounded min-heap of one user's best below-floor pairs. */
class BestN<T extends ScoredPair> {
  readonly items: T[] = []

  constructor(private readonly capacity: number) {}

  offer(pair: T): void {
    const { items } = this
    if (items.length < this.capacity) {
      items.push(pair)
      this.up(items.length - 1)
    } else if (items.length > 0 && worse(items[0] as T, pair)) {
      items[0] = pair
      this.down(0)
    }
  }

  private up(i: number): void {
    const { items } = this
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!worse(items[i] as T, items[parent] as T)) return
      ;[items[i], items[parent]] = [items[parent] as T, items[i] as T]
      i = parent
    }
  }

  private down(i: number): void {
    const { items } = this
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let top = i
      if (l < items.length && worse(items[l] as T, items[top] as T)) top = l
      if (r < items.length && worse(items[r] as T, items[top] as T)) top = r
      if (top === i) return
      ;[items[i], items[top]] = [items[top] as T, items[i] as T]
      i = top
    }
  }
}

export class ScoreKeeper<T extends ScoredPair> {
  private readonly aboveFloor: T[] = []
  private readonly aboveCount = new Map<string, number>()
  private readonly below = new Map<string, BestN<T>>()

  constructor(private readonly policy: KeepPolicy) {}

  offer(pair: T): void {
    if (pair.score >= this.policy.floor) {
      this.aboveFloor.push(pair)
      this.aboveCount.set(pair.user_id, (this.aboveCount.get(pair.user_id) ?? 0) + 1)
      return
    }
    if (this.policy.topN <= 0) return
    let best = this.below.get(pair.user_id)
    if (best === undefined) this.below.set(pair.user_id, (best = new BestN<T>(this.policy.topN)))
    best.offer(pair)
  }

  /** The kept pairs: every above-floor pair in offer order, then each user's below-floor fill-ins, best first. */
  kept(): T[] {
    const kept = [...this.aboveFloor]
    for (const [userId, best] of this.below) {
      const room = this.policy.topN - (this.aboveCount.get(userId) ?? 0)
      if (room <= 0) continue
      const ranked = [...best.items].sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0))
      kept.push(...ranked.slice(0, room))
    }
    return kept
  }
}

export function selectScoresToKeep<T extends ScoredPair>(scores: Iterable<T>, policy: KeepPolicy): T[] {
  const keeper = new ScoreKeeper<T>(policy)
  for (const pair of scores) keeper.offer(pair)
  return keeper.kept()
}
