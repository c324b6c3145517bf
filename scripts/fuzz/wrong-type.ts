import type { Random } from './random.ts'
import { HOSTILE_STRINGS, hostileString } from './hostile-values.ts'

export type JsonKind = 'string' | 'integer' | 'boolean' | 'array' | 'object'

/**
 * A JSON value that is certainly not of `kind`. Numeric-looking strings and "true" are left out
 * on purpose: whether a server coerces them is a design choice, and every value made here must
 * be a rejection by construction.
 */
export function wrongType(r: Random, kind: JsonKind): unknown {
  const candidates: unknown[] = [
    null,
    true,
    false,
    -7,
    3.25,
    [],
    ['x'],
    {},
    { $ne: null },
    r.pick(HOSTILE_STRINGS.filter((s) => Number.isNaN(Number(s)) && s !== 'true' && s !== 'false')),
  ]
  const fits = (value: unknown) => {
    switch (kind) {
      case 'string':
        return typeof value === 'string'
      case 'integer':
        return Number.isInteger(value)
      case 'boolean':
        return typeof value === 'boolean'
      case 'array':
        return Array.isArray(value)
      case 'object':
        return value !== null && typeof value === 'object' && !Array.isArray(value)
    }
  }
  return r.pick(candidates.filter((value) => !fits(value)))
}

/** 1..n hostile strings (each may be huge). */
export function hostileList(r: Random, max = 4): string[] {
  return Array.from({ length: 1 + r.int(max) }, () => hostileString(r))
}

/** A string of length 8..24 that can never be a phone number (it holds a letter). */
export function phoneShapedJunk(r: Random): string {
  return `x${r.pick(HOSTILE_STRINGS)}`.padEnd(8, 'x').slice(0, 24)
}
