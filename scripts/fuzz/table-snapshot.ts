import type { Sql } from '#shared/db/create-sql.ts'

/** Per table: row count and a digest of every row's content. */
export type Snapshot = Map<string, { rows: number; digest: string }>

/** Every table of the application schema (public), so an unexpected write anywhere is seen. */
export async function snapshotTables(sql: Sql): Promise<Snapshot> {
  const tables = await sql<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`
  const snapshot: Snapshot = new Map()
  for (const { name } of tables) {
    const [row] = await sql<{ rows: number; digest: string }[]>`
      SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${sql(name)} t`
    snapshot.set(name, row ?? { rows: 0, digest: '' })
  }
  return snapshot
}

export interface TableChange {
  table: string
  rows_before: number
  rows_after: number
  content_changed: boolean
}

export function diffSnapshots(before: Snapshot, after: Snapshot): TableChange[] {
  const changes: TableChange[] = []
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(table)
    const b = after.get(table)
    if (a?.rows === b?.rows && a?.digest === b?.digest) continue
    changes.push({ table, rows_before: a?.rows ?? 0, rows_after: b?.rows ?? 0, content_changed: a?.digest !== b?.digest })
  }
  return changes
}
