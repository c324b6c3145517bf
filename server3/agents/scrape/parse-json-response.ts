import type { Static, TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { MalformedResponseError } from './source-errors.ts'
import type { FetchedPage } from './types.ts'

/**
 * Parses a page as JSON and checks it against the part of the source's API
 * shape the adapter relies on, so a changed or broken API fails with the
 * field that is wrong instead of an undefined deep inside a mapper.
 */
export function parseJsonResponse<S extends TSchema>(page: FetchedPage, schema: S): Static<S> {
  let data: unknown
  try {
    data = JSON.parse(page.body)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new MalformedResponseError(page.url, `invalid JSON (${reason}); body starts: ${JSON.stringify(page.body.slice(0, 80))}`)
  }
  const first = Value.Errors(schema, data).First()
  if (first) {
    throw new MalformedResponseError(page.url, `unexpected shape at ${first.path || '/'}: ${first.message}`)
  }
  return data as Static<S>
}
