import postgres from 'postgres'

export type Sql = postgres.Sql
/** The `sql` a transaction callback receives. */
export type Tx = postgres.TransactionSql

/**
 * One postgres.js pool. `onnotice` is silenced: migrations' NOTICEs are noise in logs.
 * `asyncCommit` turns synchronous_commit off for this pool's sessions: only for writes whose
 * loss in a database crash is repaired by redoing them.
 */
export function createSql(url: string, options: { max?: number; asyncCommit?: boolean } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    transform: { undefined: null },
    ...(options.asyncCommit ? { connection: { synchronous_commit: 'off' } } : {}),
  })
}
