import { HttpError } from '#shared/http/http-error.ts'

/** Multipart boundaries and part headers around the file; generous so a file just under the limit passes. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

export const payloadTooLarge = (maxBytes: number) =>
  new HttpError(413, 'payload_too_large', `file is larger than the ${maxBytes}-byte upload limit`, 'file')

/**
 * A parse hook that refuses an oversized upload from its Content-Length, before the body is
 * read into memory. It returns nothing, so Elysia's multipart parser runs next for the rest;
 * the file's own size is checked again after parsing (a chunked request has no Content-Length).
 */
export function rejectOversizedBody(maxBytes: number) {
  return ({ request }: { request: Request }) => {
    const declared = Number(request.headers.get('content-length') ?? 0)
    if (declared > maxBytes + MULTIPART_OVERHEAD_BYTES) throw payloadTooLarge(maxBytes)
  }
}
