import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SECRET_NAMES = [
  'INTERNAL_SIGNING_SECRET',
  'SUPABASE_JWT_SECRET',
  'VAULT_KEYS',
  'RAZORPAY_WEBHOOK_SECRET',
  'ADMIN_TOKEN',
] as const

export type DevSecrets = Record<(typeof SECRET_NAMES)[number], string>

const token = () => randomBytes(32).toString('base64url')

function generate(): DevSecrets {
  return {
    INTERNAL_SIGNING_SECRET: token(),
    SUPABASE_JWT_SECRET: token(),
    VAULT_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
    RAZORPAY_WEBHOOK_SECRET: token(),
    ADMIN_TOKEN: token(),
  }
}

/**
 * Local defaults for every secret `bun run dev` needs, generated once and kept in
 * DATA_DIR/dev-secrets.json so tokens stay valid across restarts. Real env values win.
 */
export function loadDevSecrets(dataDir: string): { secrets: DevSecrets; created: boolean; path: string } {
  const path = join(dataDir, 'dev-secrets.json')
  let created = false
  let stored: DevSecrets
  if (existsSync(path)) {
    stored = JSON.parse(readFileSync(path, 'utf8')) as DevSecrets
  } else {
    mkdirSync(dataDir, { recursive: true })
    stored = generate()
    writeFileSync(path, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 })
    created = true
  }
  const secrets = { ...stored }
  for (const name of SECRET_NAMES) secrets[name] = process.env[name] || stored[name]
  return { secrets, created, path }
}
