import { type Static, Type as T } from '@sinclair/typebox'
import type { Sql } from '../db/create-sql.ts'
import packageJson from '../../package.json'

export const HealthBody = T.Object({
  status: T.Union([T.Literal('ok'), T.Literal('degraded')]),
  server: T.String(),
  version: T.String(),
  uptime_s: T.Number(),
  database: T.Union([T.Literal('ok'), T.Literal('unreachable')]),
})
export type HealthBody = Static<typeof HealthBody>

const processStartedAt = Date.now()

export async function checkHealth(sql: Sql, server: string): Promise<HealthBody> {
  const database = await Promise.race([
    sql`SELECT 1`.then(() => 'ok' as const),
    new Promise<'unreachable'>((resolve) => setTimeout(() => resolve('unreachable'), 2_000)),
  ]).catch(() => 'unreachable' as const)
  return {
    status: database === 'ok' ? 'ok' : 'degraded',
    server,
    version: packageJson.version,
    uptime_s: Math.round((Date.now() - processStartedAt) / 1000),
    database,
  }
}
