/** An error a route means to send: status, a stable machine code and a reason for the caller. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message)
export const notFound = (message = 'not found') => new HttpError(404, 'not_found', message)
export const conflict = (message: string) => new HttpError(409, 'conflict', message)
export const badRequest = (message: string, field?: string) => new HttpError(400, 'bad_request', message, field)
export const unprocessable = (message: string, field?: string) => new HttpError(422, 'validation_failed', message, field)
