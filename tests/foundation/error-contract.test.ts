import { afterAll, beforeAll, expect, test } from 'bun:test'
import pino from 'pino'
import { createBaseApp } from '#shared/http/create-base-app.ts'

/**
 * The shared error contract on a real listening server: an unexpected exception is a JSON 500
 * with the request id (logged with its stack), never the stack or message itself.
 */
const lines: string[] = []
const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) })
const app = createBaseApp('contract-test', log).get('/boom', () => {
  throw new Error('database password is hunter2')
})

beforeAll(() => {
  app.listen({ port: 0, hostname: '127.0.0.1' })
})

afterAll(async () => {
  await app.stop(true)
})

test('an unhandled error → JSON 500 with a request id and no internals', async () => {
  const res = await fetch(`http://127.0.0.1:${app.server!.port}/boom`)
  expect(res.status).toBe(500)
  expect(res.headers.get('content-type')).toContain('application/json')
  const body = (await res.json()) as Record<string, string>
  expect(body.error).toBe('internal_error')
  expect(body.request_id).toBe(res.headers.get('x-request-id') ?? 'missing')
  expect(JSON.stringify(body)).not.toContain('hunter2')
  expect(JSON.stringify(body)).not.toContain('at ')
  const logged = lines.map((l) => JSON.parse(l) as { msg: string; request_id?: string; err?: { stack?: string } })
  const entry = logged.find((l) => l.msg === 'unhandled error')
  expect(entry?.request_id).toBe(body.request_id)
  expect(entry?.err?.stack).toContain('hunter2')
})

test('a caller-supplied x-request-id is kept, so one id follows a request across servers', async () => {
  const res = await fetch(`http://127.0.0.1:${app.server!.port}/nope`, { headers: { 'x-request-id': 'req-from-server-1' } })
  expect(res.status).toBe(404)
  expect(((await res.json()) as { request_id: string }).request_id).toBe('req-from-server-1')
})
