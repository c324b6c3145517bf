import type { PendingQuery, Row } from 'postgres'
import type { Sql } from '#shared/db/create-sql.ts'
import { PRUNE_BATCH } from './retention-windows.ts'

/**
 * Deletes, batch after batch, the rows `selectBatch(limit)` picks (their `key` column, at most
 * `limit` rows, `FOR UPDATE SKIP LOCKED`), until a batch comes back short. Each batch is its own
 * transaction; a row another transaction holds is skipped, so a short batch can leave a few rows
 * for the next night. Returns the rows deleted.
 */
export async function deleteInBatches(
  sql: Sql,
  table: string,
  key: string,
  selectBatch: (limit: number) => PendingQuery<Row[]>,
  limit = PRUNE_BATCH,
): Promise<number> {
  let total = 0
  for (;;) {
    const { count } = await sql`
      WITH doomed AS (${selectBatch(limit)})
      DELETE FROM ${sql(table)} t USING doomed d WHERE t.${sql(key)} = d.${sql(key)}`
    total += count
    if (count < limit) return total
  }
}
