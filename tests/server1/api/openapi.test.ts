import { afterAll, beforeAll, expect, test } from 'bun:test'
import { type ApiKit, startApiKit } from './api-test-kit.ts'

let kit: ApiKit
beforeAll(async () => {
  kit = await startApiKit()
})
afterAll(() => kit.stop())

test('OpenAPI documents every user-facing route of Server 1', async () => {
  const res = await kit.call('GET', '/openapi/json')
  expect(res.status).toBe(200)
  const spec = (await res.json()) as { paths: Record<string, Record<string, unknown>> }
  const documented = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
  expect(documented).toEqual(
    expect.arrayContaining([
      'POST /api/resume/upload',
      'POST /api/vault/capture',
      'GET /api/vault',
      'DELETE /api/vault/{platform}',
      'PATCH /api/user/roles',
      'GET /api/user/profile',
      'PATCH /api/user/profile',
      'POST /api/applications',
      'GET /api/applications',
      'POST /api/applications/{id}/approve',
      'POST /api/applications/{id}/skip',
      'GET /api/notifications',
      'PATCH /api/notifications/{id}',
      'POST /api/notifications/read-all',
      'GET /api/dashboard',
      'POST /api/webhooks/razorpay',
    ]),
  )
})
