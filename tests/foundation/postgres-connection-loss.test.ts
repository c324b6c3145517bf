/**
 * The database restarting under a server must cost that server some failed queries, never the
 * process. postgres.js 3.4.9 threw from a setImmediate callback when a transaction or reserved
 * connection wrote after its backend died (porsager/postgres#1208) and replayed the dead
 * backend's FATAL onto the next connection's first query (#1223); `patches/postgres@3.4.9.patch`
 * fixes both. Killing every backend of the test database is what a restart does to this client.
 */
import { afterAll, beforeAll, describe, expect } from 'bun:test'
import postgres from 'postgres'
import { createSql, type Sql } from '#shared/db/create-sql.ts'
import { realPostgresTest } from '../support/database-mode.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { waitFor } from '../support/wait-for.ts'

let db: TestDatabase
let killer: postgres.Sql

beforeAll(async () => {
  db = await createTestDatabase()
  killer = postgres(db.url, { max: 1, onnotice: () => {} })
  await killer`CREATE TABLE connection_loss_probe (id serial PRIMARY KEY, note text NOT NULL)`
})

afterAll(async () => {
  await killer.end()
  await db.drop()
})

async function terminateOtherBackends() {
  const [row] = await killer<{ n: number }[]>`
    SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()`
  return row?.n ?? 0
}

async function backendPid(sql: Sql | postgres.ReservedSql | postgres.TransactionSql) {
  const [row] = await sql<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`
  return row!.pid
}

async function errorCode(work: Promise<unknown>): Promise<string> {
  try {
    await work
    return 'resolved'
  } catch (err) {
    return String((err as { code?: unknown }).code)
  }
}

const probeRows = async () => (await killer<{ n: number }[]>`SELECT count(*)::int AS n FROM connection_loss_probe`)[0]!.n

/** Every connection of the pool serves a query at once: none is stranded or poisoned. */
async function expectWholePoolUsable(sql: Sql, size: number) {
  const pids = await Promise.all(Array.from({ length: size }, () => sql<{ pid: number }[]>`SELECT pg_backend_pid() AS pid, pg_sleep(0.2)`))
  expect(new Set(pids.map((rows) => rows[0]!.pid)).size).toBe(size)
}

describe('losing the database connection', () => {
  realPostgresTest('kills backends of a real server')(
    'a transaction whose backend dies rejects with CONNECTION_CLOSED and the same connection serves the next query',
    async () => {
      const sql = createSql(db.url, { max: 1 })
      try {
        for (let round = 0; round < 5; round++) {
          let pid = 0
          const transaction = sql.begin(async (tx) => {
            pid = await backendPid(tx)
            await tx`INSERT INTO connection_loss_probe (note) VALUES ('inside the dead transaction')`
            await tx`SELECT pg_sleep(5)`
          })
          await waitFor('the transaction to start', () => pid !== 0)
          await killer`SELECT pg_terminate_backend(${pid})`
          expect(await errorCode(transaction)).toBe('CONNECTION_CLOSED')
          // max 1: this is the reconnected connection, and it must not fail with the dead backend's 57P01
          expect(await backendPid(sql)).not.toBe(pid)
        }
        expect(await probeRows()).toBe(0)
      } finally {
        await sql.end({ timeout: 5 })
      }
    },
    30_000,
  )

  realPostgresTest('kills backends of a real server')(
    'a reserved connection whose backend dies fails its queries instead of running them on a reconnected connection',
    async () => {
      const sql = createSql(db.url, { max: 2 })
      try {
        const reserved = await sql.reserve()
        const pid = await backendPid(reserved)
        const inFlight = reserved`SELECT pg_sleep(5)`.execute()
        await Bun.sleep(100)
        await killer`SELECT pg_terminate_backend(${pid})`
        expect(await errorCode(inFlight)).toBe('CONNECTION_CLOSED')
        // the pool reconnects that connection for others; the dead handle must not reach it
        await Promise.all([backendPid(sql), backendPid(sql), backendPid(sql)])
        expect(await errorCode(reserved`INSERT INTO connection_loss_probe (note) VALUES ('after the reservation died')`)).toBe('CONNECTION_CLOSED')
        reserved.release()
        reserved.release()
        expect(await probeRows()).toBe(0)
        await expectWholePoolUsable(sql, 2)
      } finally {
        await sql.end({ timeout: 5 })
      }
    },
    30_000,
  )

  realPostgresTest('kills backends of a real server')(
    'every backend killed five times under transactions, reserved locks and plain queries: the process survives and the pool recovers whole',
    async () => {
      const size = 6
      const sql = createSql(db.url, { max: size })
      const codes = new Map<string, number>()
      const committed = new Set<string>()
      const commitSent = new Set<string>()
      const storm = { running: true }
      const countError = (code: string) => codes.set(code, (codes.get(code) ?? 0) + 1)
      const worker = async (kind: number) => {
        while (storm.running) {
          const id = crypto.randomUUID()
          const work =
            kind === 0
              ? sql.begin(async (tx) => {
                  await tx`INSERT INTO connection_loss_probe (note) VALUES (${id})`
                  await tx`SELECT pg_sleep(0.02)`
                  commitSent.add(id)
                })
              : kind === 1
                ? (async () => {
                    const reserved = await sql.reserve()
                    try {
                      await reserved`SELECT pg_advisory_lock(42)`
                      await reserved`SELECT pg_sleep(0.01)`
                      await reserved`SELECT pg_advisory_unlock(42)`
                    } finally {
                      reserved.release()
                    }
                  })()
                : sql`SELECT count(*) FROM connection_loss_probe`.execute()
          const code = await errorCode(work)
          if (code !== 'resolved') countError(code)
          else if (kind === 0) committed.add(id)
        }
      }
      try {
        const workers = Array.from({ length: 12 }, (_, i) => worker(i % 3))
        let killed = 0
        for (let round = 0; round < 5; round++) {
          await Bun.sleep(300)
          killed += await terminateOtherBackends()
        }
        await Bun.sleep(300)
        storm.running = false
        await Promise.all(workers)
        expect(killed).toBeGreaterThanOrEqual(5)
        // only connection-loss errors: no replayed FATAL beyond the kill itself, no TypeError
        for (const code of codes.keys()) expect(['CONNECTION_CLOSED', '57P01', 'ECONNRESET']).toContain(code)
        // a COMMIT whose answer was lost may have landed; nothing else may have
        const landed = (await killer<{ note: string }[]>`SELECT note FROM connection_loss_probe`).map((row) => row.note)
        expect(committed.size).toBeGreaterThan(0)
        expect(landed.filter((note) => committed.has(note))).toHaveLength(committed.size)
        expect(landed.filter((note) => !commitSent.has(note))).toEqual([])
        await expectWholePoolUsable(sql, size)
        // no query is left stranded on a connection: end() settles
        expect(await Promise.race([sql.end().then(() => 'ended'), Bun.sleep(5_000).then(() => 'stuck')])).toBe('ended')
      } finally {
        storm.running = false
        await sql.end({ timeout: 1 })
      }
    },
    60_000,
  )
})
