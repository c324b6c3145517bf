import { unprocessable } from '#shared/http/http-error.ts'

/** Trims, collapses inner whitespace; a blank entry is an error naming it (e.g. `roles.2`). */
export function cleanText(value: string, field: string): string {
  const cleaned = value.trim().replace(/\s+/g, ' ')
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
