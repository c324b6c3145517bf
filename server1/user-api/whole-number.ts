import { unprocessable } from '#shared/http/http-error.ts'

/**
 * Range check for numbers that arrive as text (query strings, path ids). Elysia reports a
 * min/max failure of a decoded t.Numeric without the property's name, so the schema only
 * decodes the number and this check names the field in the 422.
 */
export function wholeNumber(value: number, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw unprocessable(`${field} must be a whole number from ${min} to ${max}`, field)
  }
  return value
}
