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
  const admin = postgres(ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} })
  try {
    await admin`SELECT pg_advisory_lock(7451220099)`
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`
    if (!exists) {
      await admin.unsafe(`CREATE DATABASE "${name}_building"`).catch(async () => {
        await admin.unsafe(`DROP DATABASE "${name}_building" WITH (FORCE)`)
        await admin.unsafe(`CREATE DATABASE "${name}_building"`)
      })
      await migrate(urlFor(`${name}_building`))
      await admin.unsafe(`ALTER DATABASE "${name}_building" RENAME TO "${name}"`)
    }
    await admin`SELECT pg_advisory_unlock(7451220099)`
    return name
  } finally {
    await admin.end({ timeout: 5 })
  }
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

/** A fresh, migrated database for one test file: CREATE DATABASE … TEMPLATE, milliseconds each. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (databaseMode === 'embedded') return createEmbeddedDatabase(true)
  template ??= ensureTemplate()
  const source = await template
  const name = `talvix_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = postgres(ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${source}"`)
  } finally {
    await admin.end({ timeout: 5 })
  }
  return {
    name,
    url: urlFor(name),
    async drop() {
      const dropper = postgres(ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} })
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await dropper.end({ timeout: 5 })
      }
    },
  }
}

/** An empty database (no migrations), for migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  if (databaseMode === 'embedded') return createEmbeddedDatabase(false)
  const name = `talvix_e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = postgres(ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end({ timeout: 5 })
  }
  return {
    name,
    url: urlFor(name),
    async drop() {
      const dropper = postgres(ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} })
      await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end({ timeout: 5 }))
    },
  }
}
