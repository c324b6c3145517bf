import { hash32 } from '../fixtures/job-boards/fixture-jobs.ts'

export interface Random {
  /** [0, 1) */
  next(): number
  int(maxExclusive: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
  /** a few distinct items, order kept */
  some<T>(items: readonly T[], min: number, max: number): T[]
}

/** mulberry32 seeded from a string: the same seed plays the same day. */
export function seededRandom(seed: string): Random {
  let state = hash32(seed)
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive)
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }
  return {
    next,
    int,
    pick,
    chance: (p) => next() < p,
    some(items, min, max) {
      const count = Math.min(items.length, min + int(max - min + 1))
      const chosen = new Set<number>()
      while (chosen.size < count) chosen.add(int(items.length))
      return [...chosen].sort((a, b) => a - b).map((i) => items[i] as (typeof items)[number])
    },
  }
}
