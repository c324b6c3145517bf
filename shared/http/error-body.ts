import { type Static, Type as T } from '@sinclair/typebox'

/** The JSON body of every 4xx/5xx answer, on all three servers. */
export const ErrorBody = T.Object({
  error: T.String({ description: 'machine-readable code, e.g. validation_failed' }),
  message: T.String(),
  field: T.Optional(T.String()),
  request_id: T.String(),
})
export type ErrorBody = Static<typeof ErrorBody>
