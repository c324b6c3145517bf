import type { RowChange } from './row-change.ts'
import type { Column } from './table-columns.ts'

/** Both pushed tables' primary key: kept under `select`, and the whole old_record of an UPDATE. */
const PRIMARY_KEY = 'id'

/**
 * The `data` of a `postgres_changes` message as Supabase Realtime builds it (realtime.apply_rls):
 * realtime-js reads `type` (its eventType), builds `payload.new` from `record` and `payload.old`
 * from `old_record`, converting values by `columns`. An UPDATE's old_record holds the replica
 * identity, which for these tables (default identity) is the primary key only.
 */
export function postgresChangesData(change: RowChange, columns: Column[], select: string[] | null) {
  const keep = (name: string) => select === null || name === PRIMARY_KEY || select.includes(name)
  return {
    schema: 'public',
    table: change.table,
    commit_timestamp: change.commitTimestamp,
    type: change.type,
    columns: columns.filter((c) => keep(c.name)),
    record: Object.fromEntries(Object.entries(change.record).filter(([name]) => keep(name))),
    ...(change.type === 'UPDATE' ? { old_record: { [PRIMARY_KEY]: change.record[PRIMARY_KEY] } } : {}),
    errors: null,
  }
}
