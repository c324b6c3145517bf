import type { Sql } from '#shared/db/create-sql.ts'

export class UserBusyError extends Error {
  override name = 'UserBusyError'
}

/**
 * One submission at a time per user, across every instance: a session-level advisory lock on a
 * reserved connection. A process that dies drops its connection and so its lock, which is what
 * lets the next holder treat a leftover 'submitting' row as abandoned and recover it. Waiting
 * too long throws, and the run engine retries the run later.
 */
export async function withUserApplyLock<T>(sql: Sql, userId: string, waitMs: number, fn: () => Promise<T>): Promise<T> {
  const conn = await sql.reserve()
  try {
    const deadline = Date.now() + waitMs
    for (;;) {
      const [row] = await conn<{ locked: boolean }[]>`
        SELECT pg_try_advisory_lock(hashtext('talvix:apply-user'), hashtext(${userId})) AS locked`
      if (row?.locked) break
      if (Date.now() > deadline) throw new UserBusyError(`another apply for user ${userId} is in progress`)
      await Bun.sleep(250)
    }
    try {
      return await fn()
    } finally {
      await conn`SELECT pg_advisory_unlock(hashtext('talvix:apply-user'), hashtext(${userId}))`
    }
  } finally {
    conn.release()
  }
}
