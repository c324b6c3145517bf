/**
 * Splits text into the tokens that skill aliases are compared on. Aliases and
 * documents go through the same function, so "Node.js", "node js" and
 * "node-js" all become ["node", "js"] while "C++", "C#" and ".NET" stay single
 * tokens that can never collide with "C" or "net".
 */
export type Tokens = {
  text: string
  count: number
  /** Original spelling, for case-sensitive aliases. */
  raw: string[]
  /** Lower-cased, "&" spelled "and" so "P&L" and "P and L" compare equal. */
  lower: string[]
  /** Lower-cased with a plural "s" dropped ("APIs" → "api"), or "" when not a plausible plural. */
  singular: string[]
  start: Int32Array
  end: Int32Array
  /** joinable[k]: tokens k and k+1 may belong to one alias (no list punctuation or line break between them). */
  joinable: Uint8Array
}

// A leading "." only when it starts a word (".NET"), never between words ("ASP.NET").
// Trailing "++", "+" and "#" belong to the word so C, C++ and C# stay apart.
const TOKEN = /(?<![\p{L}\p{N}])\.\p{L}[\p{L}\p{N}\p{M}]*|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:\+\+|\+|#)?|&/gu

// Characters that may sit between two tokens of a single alias: spaces and word glue. Not brackets, so that
// "AWS (EC2, S3)" stays AWS plus EC2 rather than swallowing AWS into "AWS EC2".
const JOIN_CHARS = new Set([' ', '\t', '.', '-', '_', '/', "'", '’'].map((c) => c.charCodeAt(0)))

function joins(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!JOIN_CHARS.has(text.charCodeAt(i))) return false
  return true
}

export function tokenize(text: string): Tokens {
  const raw: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  for (const m of text.matchAll(TOKEN)) {
    raw.push(m[0])
    starts.push(m.index)
    ends.push(m.index + m[0].length)
  }
  const count = raw.length
  const lower: string[] = []
  const singular: string[] = []
  const joinable = new Uint8Array(count)
  for (let k = 0; k < count; k++) {
    const word = raw[k] as string
    const low = word === '&' ? 'and' : word.toLowerCase()
    lower.push(low)
    singular.push(low.length > 3 && low.endsWith('s') && !low.endsWith('ss') ? low.slice(0, -1) : '')
    if (k + 1 < count) joinable[k] = joins(text, ends[k] as number, starts[k + 1] as number) ? 1 : 0
  }
  return { text, count, raw, lower, singular, start: Int32Array.from(starts), end: Int32Array.from(ends), joinable }
}

/** The comparison key of an alias: its lower-cased tokens joined by single spaces. */
export function aliasKey(alias: string): string {
  return tokenize(alias).lower.join(' ')
}
