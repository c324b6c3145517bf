import { randomBytes } from 'node:crypto'
import { type Config, parseConfig } from '#shared/config/index.ts'

export const TEST_SECRETS = {
  INTERNAL_SIGNING_SECRET: 'test-internal-signing-secret-0123456789abcdef',
  SUPABASE_JWT_SECRET: 'test-supabase-jwt-secret-0123456789abcdef0123',
  VAULT_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  RAZORPAY_WEBHOOK_SECRET: 'test-razorpay-webhook-secret',
  ADMIN_TOKEN: 'test-admin-token-0123456789abcdef0123456789',
}

/**
 * Fast polls and short leases so recovery happens in seconds; no real-clock schedules (neither
 * pg_cron jobs nor the in-process scheduler: a test fires what it needs) and no backfill of them.
 */
const TEST_SETTINGS = {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  AGENT_POLL_MS: '200',
  AGENT_LEASE_MS: '3000',
  AGENT_RETRY_BASE_MS: '100',
  FLAG_POLL_MS: '300',
  SCHEDULER: 'off',
  SCHEDULE_BACKFILL_HOURS: '0',
  // a Chromium elsewhere than Debian's /usr/bin/chromium reaches every test server
  ...(process.env.CHROMIUM_PATH ? { CHROMIUM_PATH: process.env.CHROMIUM_PATH } : {}),
  ...TEST_SECRETS,
}

/** A valid config for in-process test servers. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({ ...TEST_SETTINGS, ...overrides })
}

/** The env a subprocess server needs for the same config. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...TEST_SETTINGS, PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...overrides }
}
