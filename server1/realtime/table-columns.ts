import type { Sql } from '#shared/db/create-sql.ts'
import type { ChangeTable } from './row-change.ts'

/** A column as Supabase Realtime describes it in `columns`: realtime-js converts values by `type` (pg_type.typname). */
export interface Column {
  name: string
  type: string
}

export type TableColumns = Record<ChangeTable, Column[]>

const cache = new WeakMap<Sql, Promise<TableColumns>>()

/** The pushed tables' columns in attnum order, read once per database (migrations run before a server starts). */
export function tableColumns(sql: Sql): Promise<TableColumns> {
  let columns = cache.get(sql)
  if (!columns) {
    columns = readColumns(sql)
    cache.set(sql, columns)
    // a failed read (database down) is not kept: the next join asks again
    columns.catch(() => cache.delete(sql))
  }
  return columns
}

async function readColumns(sql: Sql): Promise<TableColumns> {
  const rows = await sql<(Column & { table: ChangeTable })[]>`
    SELECT c.relname AS table, a.attname AS name, t.typname AS type
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace s ON s.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
     WHERE s.nspname = 'public' AND c.relname IN ('notifications', 'users') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`
  const columns: TableColumns = { notifications: [], users: [] }
  for (const { table, name, type } of rows) columns[table].push({ name, type })
  return columns
}
