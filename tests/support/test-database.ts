import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import { MIGRATIONS_DIR, migrate } from '#shared/db/migrate.ts'
import { PGliteWireServer } from '../../scripts/dev/pglite-wire-server.ts'
import { ADMIN_DATABASE_URL, databaseMode } from './database-mode.ts'

export { ADMIN_DATABASE_URL } from './database-mode.ts'

function urlFor(database: string) {
  const url = new URL(ADMIN_DATABASE_URL)
  url.pathname = `/${database}`
  return url.toString()
}

/** The template is keyed by the migrations' content: change a migration and a new one is built. */
function templateName() {
  const hash = createHash('sha256')
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)))
  return `talvix_tpl_${hash.digest('hex').slice(0, 12)}`
}

let template: Promise<string> | undefined

async function ensureTemplate(): Promise<string> {
  const name = templateName()
  return onAdmin(async (admin) => {
    await admin`SELECT pg_advisory_lock(7451220099)`
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`
    if (!exists) {
      const building = `${name}_building`
      await admin`DROP DATABASE IF EXISTS ${admin(building)} WITH (FORCE)`
      await admin`CREATE DATABASE ${admin(building)}`
      await migrate(urlFor(building))
      await admin`ALTER DATABASE ${admin(building)} RENAME TO ${admin(name)}`
    }
    await admin`SELECT pg_advisory_unlock(7451220099)`
    return name
  })
}

export interface TestDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

/** Without a PostgreSQL server: an in-memory PGlite behind PGliteWireServer, migrated, per test file. */
async function createEmbeddedDatabase(migrated: boolean): Promise<TestDatabase> {
  const db = await PGlite.create()
  const server = new PGliteWireServer(db)
  const url = `postgres://postgres@127.0.0.1:${await server.listen(0)}/postgres`
  if (migrated) await migrate(url)
  return {
    name: 'postgres',
    url,
    async drop() {
      await server.close()
      await db.close()
    },
  }
}

async function onAdmin<T>(work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} })
  try {
    return await work(admin)
  } finally {
    await admin.end({ timeout: 5 })
  }
}

const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`

function handle(name: string): TestDatabase {
  return {
    name,
    url: urlFor(name),
    drop: () => onAdmin((admin) => admin`DROP DATABASE IF EXISTS ${admin(name)} WITH (FORCE)`).then(() => {}),
  }
}

/** A fresh, migrated database for one test file: CREATE DATABASE … TEMPLATE, milliseconds each. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (databaseMode === 'embedded') return createEmbeddedDatabase(true)
  template ??= ensureTemplate()
  const source = await template
  const name = uniqueName('talvix_t')
  await onAdmin((admin) => admin`CREATE DATABASE ${admin(name)} TEMPLATE ${admin(source)}`)
  return handle(name)
}

/** An empty database (no migrations), for migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  if (databaseMode === 'embedded') return createEmbeddedDatabase(false)
  const name = uniqueName('talvix_e')
  await onAdmin((admin) => admin`CREATE DATABASE ${admin(name)}`)
  return handle(name)
}
