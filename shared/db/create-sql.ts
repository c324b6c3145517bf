import postgres from 'postgres'

export type Sql = postgres.Sql
/** The `sql` a transaction callback receives. */
export type Tx = postgres.TransactionSql

/** One postgres.js pool. `onnotice` is silenced: migrations' NOTICEs are noise in logs. */
export function createSql(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    transform: { undefined: null },
  })
}
