/** A non-2xx answer that retrying did not (or could not) fix. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    detail: string,
  ) {
    super(`HTTP ${status} from ${url}${detail ? `: ${detail}` : ''}`)
    this.name = 'HttpStatusError'
  }
}

/** A 2xx answer whose body is not what the source's API returns (bad JSON, wrong shape, unknown markup). */
export class MalformedResponseError extends Error {
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super(`malformed response from ${url}: ${detail}`)
    this.name = 'MalformedResponseError'
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
