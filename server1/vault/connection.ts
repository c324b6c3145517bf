import { t } from 'elysia'
import type { Sql } from '#shared/db/create-sql.ts'
import { PlatformSchema } from './platforms.ts'

/** What the frontend may know about a stored session: never the session itself. */
export const Connection = t.Object({
  platform: PlatformSchema,
  is_valid: t.Boolean(),
  invalid_reason: t.Union([t.String(), t.Null()]),
  captured_at: t.Date(),
  checked_at: t.Union([t.Date(), t.Null()]),
})
export type Connection = typeof Connection.static

export function listConnections(sql: Sql, userId: string) {
  return sql<Connection[]>`
    SELECT platform, is_valid, invalid_reason, captured_at, checked_at
      FROM user_connections WHERE user_id = ${userId} ORDER BY platform`
}

/** True when a connection was removed; false when the user had none for the platform. */
export async function deleteConnection(sql: Sql, userId: string, platform: string): Promise<boolean> {
  const deleted = await sql`DELETE FROM user_connections WHERE user_id = ${userId} AND platform = ${platform} RETURNING id`
  return deleted.length > 0
}
