/**
 * Maps strings (skill ids, title tokens, text terms) to dense integers once,
 * so per-pair scoring compares small sorted integer arrays instead of strings.
 */
export class Interner {
  private readonly ids = new Map<string, number>()
  private readonly strings: string[] = []

  /** The id of `key`, assigning the next one if it is new. */
  intern(key: string): number {
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.strings.length
      this.ids.set(key, id)
      this.strings.push(key)
    }
    return id
  }

  /** The id of `key` if it was seen, without growing the vocabulary. */
  lookup(key: string): number | undefined {
    return this.ids.get(key)
  }

  keyOf(id: number): string {
    const key = this.strings[id]
    if (key === undefined) throw new Error(`interner: unknown id ${id}`)
    return key
  }

  get size(): number {
    return this.strings.length
  }
}

/** Interns keys into a sorted, de-duplicated id set (the form the merge-based scorers need). */
export function internSet(interner: Interner, keys: Iterable<string>): Uint32Array {
  const ids: number[] = []
  for (const key of keys) ids.push(interner.intern(key))
  const sorted = Uint32Array.from(ids).sort()
  let n = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number
  return n === sorted.length ? sorted : sorted.slice(0, n)
}
