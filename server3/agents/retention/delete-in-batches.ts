import { PRUNE_BATCH } from './retention-windows.ts'

/**
 * Repeats one batched DELETE until a batch comes back short. A batch skips rows another
 * transaction has locked (SKIP LOCKED), so a short batch can leave a few for the next night.
 */
export async function deleteInBatches(deleteBatch: (limit: number) => Promise<number>, limit = PRUNE_BATCH): Promise<number> {
  let total = 0
  for (;;) {
    const deleted = await deleteBatch(limit)
    total += deleted
    if (deleted < limit) return total
  }
}
