import { config as loadDotenv } from 'dotenv'
import { ConfigError } from './config-error.ts'
import { parseConfig } from './load-config.ts'

export { type Config, EnvSchema } from './env-schema.ts'
export { ConfigError } from './config-error.ts'
export { checkDatabaseUrl, isLocalDatabase } from './database-url.ts'
export { parseConfig } from './load-config.ts'

/** Loads `.env` (never overriding the real environment), validates, and exits with one line on error. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env) {
  loadDotenv({ quiet: true })
  try {
    return parseConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Config error: ${error.message}`)
      process.exit(1)
    }
    throw error
  }
}
