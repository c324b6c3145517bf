import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGliteWireServer } from './pglite-wire-server.ts'

/**
 * PGlite (Postgres compiled to WASM) kept in DATA_DIR/pglite, served over the Postgres wire
 * protocol (PGliteWireServer) so the servers' postgres.js code runs unchanged. No pg_cron and no
 * cross-connection NOTIFY here: the servers notice TALVIX_EMBEDDED=1 and schedule and poll in-process instead.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number) {
  const dir = join(dataDir, 'pglite')
  mkdirSync(dir, { recursive: true })
  const db = await PGlite.create(dir)
  const server = new PGliteWireServer(db)
  const boundPort = await server.listen(port)
  return {
    url: `postgres://postgres@127.0.0.1:${boundPort}/postgres`,
    async stop() {
      await server.close()
      await db.close()
    },
  }
}
