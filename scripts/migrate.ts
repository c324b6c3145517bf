/** `bun run db:migrate`: apply pending migrations to DATABASE_URL. */
import { config as loadDotenv } from 'dotenv'
import { migrate } from '#shared/db/migrate.ts'

loadDotenv({ quiet: true })
const url = process.env.DATABASE_URL
if (!url) {
  console.error('DATABASE_URL is missing: expected a postgres:// URL (bun run dev migrates its embedded database itself)')
  process.exit(1)
}
const { applied } = await migrate(url)
console.log(applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`)
