import { Elysia, ValidationError } from 'elysia'
import type { Logger } from '../logger.ts'
import type { ErrorBody } from './error-body.ts'
import { HttpError } from './http-error.ts'

function validationDetails(error: Readonly<ValidationError>): { field: string; message: string } {
  const first = error.all[0]
  const path = first && 'path' in first ? String(first.path) : ''
  const field = path.replace(/^\//, '').replaceAll('/', '.') || error.type
  const reason = first && 'message' in first ? String(first.message) : 'is invalid'
  return { field, message: `${error.type}.${field}: ${reason}` }
}

/**
 * Request ids, one access-log line per request and the error contract: unknown route → JSON 404,
 * validation → JSON 422 naming the field, anything unexpected → JSON 500 with the request id
 * (the stack goes to the log, never to the client).
 */
export function httpBasics(log: Logger) {
  return new Elysia({ name: 'http-basics' })
    .derive({ as: 'global' }, ({ request, set }) => {
      const requestId = request.headers.get('x-request-id') ?? crypto.randomUUID()
      set.headers['x-request-id'] = requestId
      return { requestId, startedAt: performance.now() }
    })
    .onAfterResponse({ as: 'global' }, ({ request, path, set, requestId, startedAt }) => {
      log.info(
        {
          request_id: requestId,
          method: request.method,
          path,
          status: set.status,
          ms: startedAt === undefined ? undefined : Math.round((performance.now() - startedAt) * 10) / 10,
        },
        'request',
      )
    })
    .onError({ as: 'global' }, ({ code, error, set, request, path, requestId }) => {
      // no route matched means no derive ran: take the caller's id from the request itself
      const id = requestId ?? request.headers.get('x-request-id') ?? crypto.randomUUID()
      set.headers['x-request-id'] = id
      const reply = (status: number, body: Omit<ErrorBody, 'request_id'>) => {
        set.status = status
        set.headers['content-type'] = 'application/json'
        return { ...body, request_id: id } satisfies ErrorBody
      }
      // a hook that throws while parsing arrives wrapped in Elysia's ParseError
      const intended = error instanceof HttpError ? error : (error as { cause?: unknown }).cause
      if (intended instanceof HttpError) {
        return reply(intended.status, {
          error: intended.code,
          message: intended.message,
          ...(intended.field ? { field: intended.field } : {}),
        })
      }
      switch (code) {
        case 'NOT_FOUND':
          return reply(404, { error: 'not_found', message: `no route for ${request.method} ${path}` })
        case 'VALIDATION': {
          const { field, message } = validationDetails(error)
          return reply(422, { error: 'validation_failed', message, field })
        }
        case 'PARSE':
          return reply(400, { error: 'bad_request', message: 'the request body could not be parsed' })
        default: {
          log.error({ request_id: id, err: error, path }, 'unhandled error')
          return reply(500, { error: 'internal_error', message: `internal error; quote request id ${id}` })
        }
      }
    })
}
