import { describe, expect, test } from 'bun:test'
import { ConfigError, parseConfig } from '#shared/config/index.ts'
import { TEST_SECRETS } from '../support/test-config.ts'

const valid = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/talvix', ...TEST_SECRETS }

function errorFor(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('config', () => {
  test('a valid environment parses, with the design defaults', () => {
    const config = parseConfig(valid)
    expect(config.SERVER1_PORT).toBe(3001)
    expect(config.SERVER2_PORT).toBe(3002)
    expect(config.SERVER3_PORT).toBe(3003)
    expect(config.DATA_DIR).toBe('./.data')
    expect(config.WA_ENABLED).toBe(false)
    expect(config.UPLOAD_MAX_BYTES).toBe(5 * 1024 * 1024)
  })

  test('strings convert to the declared types', () => {
    const config = parseConfig({ ...valid, SERVER2_PORT: '4002', WA_ENABLED: 'true' })
    expect(config.SERVER2_PORT).toBe(4002)
    expect(config.WA_ENABLED).toBe(true)
  })

  const cases: [string, Record<string, string | undefined>, string, RegExp][] = [
    ['missing DATABASE_URL', { ...valid, DATABASE_URL: undefined }, 'DATABASE_URL', /DATABASE_URL is missing: expected a postgres:\/\/ URL/],
    ['non-URL DATABASE_URL', { ...valid, DATABASE_URL: 'localhost' }, 'DATABASE_URL', /DATABASE_URL is invalid/],
    // the scheme is right, but postgres.js cannot read the rest: it would throw `Invalid URL` when the pool is made
    ['DATABASE_URL with a port that is not a number', { ...valid, DATABASE_URL: 'postgres://postgres@127.0.0.1:port/talvix' }, 'DATABASE_URL', /DATABASE_URL is invalid: expected a postgres:\/\/ URL/],
    ['DATABASE_URL with a broken escape', { ...valid, DATABASE_URL: 'postgres://postgres:p%zz@127.0.0.1/talvix' }, 'DATABASE_URL', /DATABASE_URL is invalid/],
    ['non-numeric port', { ...valid, SERVER1_PORT: 'abc' }, 'SERVER1_PORT', /SERVER1_PORT is invalid: expected a TCP port/],
    ['port out of range', { ...valid, SERVER3_PORT: '70000' }, 'SERVER3_PORT', /SERVER3_PORT is invalid/],
    ['short signing secret', { ...valid, INTERNAL_SIGNING_SECRET: 'short' }, 'INTERNAL_SIGNING_SECRET', /at least 32 characters/],
    ['missing signing secret', { ...valid, INTERNAL_SIGNING_SECRET: undefined }, 'INTERNAL_SIGNING_SECRET', /is missing/],
    ['malformed VAULT_KEYS', { ...valid, VAULT_KEYS: 'no-colon-here' }, 'VAULT_KEYS', /keyId:base64Key/],
    ['missing RAZORPAY_WEBHOOK_SECRET', { ...valid, RAZORPAY_WEBHOOK_SECRET: undefined }, 'RAZORPAY_WEBHOOK_SECRET', /is missing/],
    ['WA_ENABLED not a boolean', { ...valid, WA_ENABLED: 'maybe' }, 'WA_ENABLED', /true or false/],
    ['bad LOG_LEVEL', { ...valid, LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /pino level/],
    ['no JWT secret nor JWKS', { ...valid, SUPABASE_JWT_SECRET: undefined }, 'SUPABASE_JWT_SECRET', /or SUPABASE_JWKS_URL/],
    ['bad JWKS URL', { ...valid, SUPABASE_JWKS_URL: 'not a url' }, 'SUPABASE_JWKS_URL', /is invalid/],
  ]
  for (const [name, env, variable, message] of cases) {
    test(`${name} → one error naming ${variable}`, () => {
      const error = errorFor(env)
      expect(error.variable).toBe(variable)
      expect(error.message).toMatch(message)
      expect(error.message).not.toContain('\n')
    })
  }

  test('a bad value is never echoed (it may be a secret)', () => {
    expect(errorFor({ ...valid, INTERNAL_SIGNING_SECRET: 'hunter2' }).message).not.toContain('hunter2')
  })

  test('a server started with a bad variable exits 1 with one line naming it', async () => {
    const proc = Bun.spawn(['bun', 'server2/index.ts'], {
      env: { PATH: process.env.PATH ?? '', ...valid, SERVER2_PORT: 'abc' },
      stdout: 'pipe',
      stderr: 'pipe',
    })
    expect(await proc.exited).toBe(1)
    const stderr = (await new Response(proc.stderr).text()).trim()
    expect(stderr).toBe('Config error: SERVER2_PORT is invalid: expected a TCP port number (1-65535)')
  })
})
