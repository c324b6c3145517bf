import { type TSchema, Kind } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { ConfigError } from './config-error.ts'
import { checkDatabaseUrl } from './database-url.ts'
import { type Config, EnvSchema } from './env-schema.ts'

function describe(schema: TSchema): string {
  if (typeof schema.description === 'string') return schema.description
  return String(schema[Kind]).toLowerCase()
}

/**
 * Validates the environment against EnvSchema. Throws ConfigError naming the first
 * bad variable and what it expects; never echoes a value (it could be a secret).
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const known: Record<string, unknown> = {}
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key]
    if (value !== undefined && value !== '') known[key] = value
  }
  const candidate = Value.Convert(EnvSchema, Value.Default(EnvSchema, known))
  const first = Value.Errors(EnvSchema, candidate).First()
  if (first) {
    const variable = first.path.split('/')[1] ?? first.path
    const property = EnvSchema.properties[variable as keyof typeof EnvSchema.properties] as TSchema | undefined
    const expected = property ? describe(property) : first.message
    const problem = known[variable] === undefined ? 'is missing' : 'is invalid'
    throw new ConfigError(variable, `${variable} ${problem}: expected ${expected}`)
  }
  const config = candidate as Config
  checkDatabaseUrl(config.DATABASE_URL)
  if (!config.SUPABASE_JWT_SECRET && !config.SUPABASE_JWKS_URL) {
    throw new ConfigError(
      'SUPABASE_JWT_SECRET',
      'SUPABASE_JWT_SECRET is missing: expected it or SUPABASE_JWKS_URL to verify frontend tokens',
    )
  }
  return config
}
