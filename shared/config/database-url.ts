import { Value } from '@sinclair/typebox/value'
import postgres from 'postgres'
import { ConfigError } from './config-error.ts'
import { EnvSchema } from './env-schema.ts'

const rule = EnvSchema.properties.DATABASE_URL

/** The hosts postgres.js would connect to, read by its own parser (making a pool opens no connection); null when it cannot read the URL. */
function hostsOf(url: string): string[] | null {
  try {
    const pool = postgres(url, { max: 1 })
    void pool.end()
    return pool.options.host
  } catch {
    return null
  }
}

/**
 * A database URL as the servers take DATABASE_URL (EnvSchema's rule) and as postgres.js reads it:
 * a value it cannot read would otherwise end in its `TypeError: Invalid URL` with a stack trace.
 * Throws ConfigError naming the variable; the value is never echoed (it may hold a password).
 * Returns the hosts it names.
 */
export function checkDatabaseUrl(url: string, variable = 'DATABASE_URL'): string[] {
  const hosts = Value.Check(rule, url) ? hostsOf(url) : null
  if (!hosts) throw new ConfigError(variable, `${variable} is invalid: expected ${rule.description}`)
  return hosts
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]'])

/** Whether every server a database URL names is on this machine (a loopback address or a Unix socket directory). */
export function isLocalDatabase(url: string, variable = 'DATABASE_URL'): boolean {
  return checkDatabaseUrl(url, variable).every((host) => LOOPBACK.has(host) || host.startsWith('/'))
}
