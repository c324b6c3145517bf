import { unprocessable } from '#shared/http/http-error.ts'

/**
 * Spaces and Unicode format characters (zero-width space and joiners, BOM, direction marks).
 * Format characters are invisible, so at either end they are trimmed like spaces and a value
 * made only of them is blank; inside a word they stay (Indic scripts need the joiners).
 */
const INVISIBLE = /[\s\p{Cf}]/u

/** A loop, not `/[…]+$/`: that regex is quadratic on a long run of spaces before a letter. */
function trimInvisible(value: string): string {
  let start = 0
  let end = value.length
  while (start < end && INVISIBLE.test(value.charAt(start))) start++
  while (end > start && INVISIBLE.test(value.charAt(end - 1))) end--
  return value.slice(start, end)
}

/**
 * Trims, collapses inner whitespace; a blank entry is an error naming it (e.g. `roles.2`). NUL and
 * broken surrogate pairs are refused here: PostgreSQL text cannot hold NUL (the INSERT would fail
 * with a 500) and a lone surrogate would be stored as U+FFFD, silently changing the value.
 */
export function cleanText(value: string, field: string): string {
  if (value.includes('\u0000') || !value.isWellFormed()) {
    throw unprocessable(`${field} contains characters that are not text (NUL or a broken surrogate pair)`, field)
  }
  const cleaned = trimInvisible(value).replace(/\s+/g, ' ')
  if (cleaned === '') throw unprocessable(`${field} must not be blank`, field)
  return cleaned
}

/**
 * Cleans a user-typed list (roles, locations): each entry trimmed and non-blank, duplicates
 * dropped case-insensitively keeping the first spelling, order kept (the user's priority).
 */
export function cleanList(values: readonly string[], field: string): string[] {
  const seen = new Set<string>()
  const cleaned: string[] = []
  for (const [index, value] of values.entries()) {
    const entry = cleanText(value, `${field}.${index}`)
    const key = entry.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    cleaned.push(entry)
  }
  return cleaned
}
