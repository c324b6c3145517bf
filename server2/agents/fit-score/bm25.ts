/**
 * BM25-weighted sparse vectors for resume ↔ JD text similarity.
 *
 * Jobs are the corpus: document frequencies and the average length come from
 * the jobs of one run, so the IDF reflects what is distinctive in today's
 * market. A job's vector uses BM25 term weights (saturating TF, length
 * normalised, IDF); the resume is the query with sublinear TF × IDF. Both are
 * L2-normalised and truncated to their heaviest terms, so a pair costs one
 * merge of two short sorted arrays.
 */
import type { Interner } from './interner.ts'

const K1 = 1.2
const B = 0.75
/** Terms kept per vector; past ~100 the tail terms barely move the cosine but double the merge cost. */
export const MAX_TERMS = 96

export interface SparseVector {
  /** term ids, ascending */
  readonly ids: Uint32Array
  /** unit-length weights aligned with ids */
  readonly weights: Float32Array
}

export const EMPTY_VECTOR: SparseVector = { ids: new Uint32Array(0), weights: new Float32Array(0) }

/** Document frequencies over the job corpus of one run. */
export class CorpusStats {
  private df = new Uint32Array(1024)
  docCount = 0
  private totalLength = 0

  /** Counts one document; `termIds` are the ids of its distinct terms. */
  addDocument(termIds: Iterable<number>, length: number): void {
    for (const id of termIds) {
      if (id >= this.df.length) {
        const grown = new Uint32Array(Math.max(id + 1, this.df.length * 2))
        grown.set(this.df)
        this.df = grown
      }
      this.df[id] = (this.df[id] ?? 0) + 1
    }
    this.docCount += 1
    this.totalLength += length
  }

  /** BM25's IDF, floored above zero so terms in every document still count a little. */
  idf(id: number): number {
    const df = this.df[id] ?? 0
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5))
  }

  get averageLength(): number {
    return this.docCount === 0 ? 1 : this.totalLength / this.docCount
  }
}

/** A document's distinct term ids (ascending) with their counts. */
export interface TermCounts {
  readonly ids: Uint32Array
  readonly tfs: Uint32Array
  /** token count */
  readonly length: number
}

/** Per-id counters reused across documents (zeroed after each), so counting allocates no map. */
let counters = new Uint32Array(4096)

function countIds(tokens: readonly string[], idOf: (token: string) => number | undefined): TermCounts {
  const touched: number[] = []
  for (const token of tokens) {
    const id = idOf(token)
    if (id === undefined) continue
    if (id >= counters.length) {
      const grown = new Uint32Array(Math.max(id + 1, counters.length * 2))
      grown.set(counters)
      counters = grown
    }
    const seen = counters[id] as number
    if (seen === 0) touched.push(id)
    counters[id] = seen + 1
  }
  const ids = Uint32Array.from(touched).sort()
  const tfs = Uint32Array.from(ids, (id) => counters[id] as number)
  for (const id of ids) counters[id] = 0
  return { ids, tfs, length: tokens.length }
}

/** Term counts of a job's tokens, interning new terms. */
export function termCounts(tokens: readonly string[], terms: Interner): TermCounts {
  return countIds(tokens, (token) => terms.intern(token))
}

/** A job's BM25 vector. */
export function bm25DocumentVector(counts: TermCounts, stats: CorpusStats): SparseVector {
  const norm = K1 * (1 - B + (B * counts.length) / stats.averageLength)
  const { ids, tfs } = counts
  const all = new Float64Array(ids.length)
  for (let k = 0; k < ids.length; k++) {
    const tf = tfs[k] as number
    all[k] = (stats.idf(ids[k] as number) * tf * (K1 + 1)) / (tf + norm)
  }
  return toUnitVector(ids, all)
}

/**
 * A resume's query vector. Only terms some job in the corpus contains can
 * match, so unknown tokens are dropped without growing the vocabulary.
 */
export function queryVector(tokens: readonly string[], terms: Interner, stats: CorpusStats): SparseVector {
  const { ids, tfs } = countIds(tokens, (token) => terms.lookup(token))
  const all = new Float64Array(ids.length)
  for (let k = 0; k < ids.length; k++) all[k] = stats.idf(ids[k] as number) * (1 + Math.log(tfs[k] as number))
  return toUnitVector(ids, all)
}

/** The positive weights as a unit vector, truncated to the heaviest MAX_TERMS (ties: the lower id). Plain loops: this runs for every job of a scan. */
function toUnitVector(ids: Uint32Array, all: Float64Array): SparseVector {
  let positive = 0
  for (let k = 0; k < all.length; k++) if ((all[k] as number) > 0) positive++
  if (positive === 0) return EMPTY_VECTOR
  let keep = new Uint32Array(positive)
  let n = 0
  for (let k = 0; k < all.length; k++) if ((all[k] as number) > 0) keep[n++] = k
  if (positive > MAX_TERMS) {
    const order = Array.from(keep).sort((a, b) => (all[b] as number) - (all[a] as number) || a - b)
    keep = Uint32Array.from(order.slice(0, MAX_TERMS)).sort()
  }
  let squares = 0
  for (let i = 0; i < keep.length; i++) squares += (all[keep[i] as number] as number) ** 2
  const scale = 1 / Math.sqrt(squares)
  const outIds = new Uint32Array(keep.length)
  const weights = new Float32Array(keep.length)
  for (let i = 0; i < keep.length; i++) {
    const k = keep[i] as number
    outIds[i] = ids[k] as number
    weights[i] = (all[k] as number) * scale
  }
  return { ids: outIds, weights }
}

/** Cosine of two unit vectors: one merge over the ascending ids. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const aIds = a.ids
  const bIds = b.ids
  let i = 0
  let j = 0
  let dot = 0
  while (i < aIds.length && j < bIds.length) {
    const x = aIds[i] as number
    const y = bIds[j] as number
    if (x === y) {
      dot += (a.weights[i] as number) * (b.weights[j] as number)
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return dot
}
