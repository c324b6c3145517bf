import { join } from 'node:path'
import shift from 'postgres-shift'
import { createSql } from './create-sql.ts'

export const MIGRATIONS_DIR = join(import.meta.dir, '..', '..', 'sql', 'migrations')

/** Any 64-bit constant unique to this purpose; concurrent starters wait here instead of racing. */
const MIGRATION_LOCK_KEY = 7_451_220_001

/**
 * Applies pending migrations with postgres-shift. Runs on a single dedicated connection so the
 * session advisory lock covers every statement postgres-shift issues.
 */
export async function migrate(databaseUrl: string): Promise<{ applied: string[] }> {
  const sql = createSql(databaseUrl, { max: 1 })
  const applied: string[] = []
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`
    await shift({ sql, path: MIGRATIONS_DIR, after: ({ name }: { name: string }) => applied.push(name) })
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`
    return { applied }
  } finally {
    await sql.end({ timeout: 5 })
  }
}
