import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { TEST_SECRETS } from '../support/test-config.ts'
import { type ApiKit, expectError, startApiKit } from '../server1/api/api-test-kit.ts'

/** Inputs `bun run fuzz` found mishandled, kept as regressions. */

let kit: ApiKit
beforeAll(async () => {
  kit = await startApiKit()
})
afterAll(() => kit.stop())

const upgrade = (query: string) =>
  fetch(`${kit.url}/api/realtime?${query}`, {
    headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' },
  })

describe('refused realtime upgrades follow the error contract', () => {
  test('a forged token gets 401 with error, message and request_id', async () => {
    const forged = await issueDevToken('not-the-project-secret-not-the-project-secret', crypto.randomUUID())
    const body = await expectError(await upgrade(`token=${forged}`), 401)
    expect(body.error).toBe('unauthorized')
  })

  test('an expired token says so', async () => {
    const { userId } = await kit.signIn()
    const expired = await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, userId, { expiresIn: Math.floor(Date.now() / 1000) - 60 })
    expect((await expectError(await upgrade(`token=${expired}`), 401)).message).toBe('token expired')
  })
})
