import { afterAll, expect, test } from 'bun:test'
import { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import { PGliteWireServer } from '../../scripts/dev/pglite-wire-server.ts'

// PGlite runs a COPY ... FROM STDIN only when the query and all its data arrive in one call; sent
// message by message (as clients stream them) the backend exits and the embedded database is gone.
const db = await PGlite.create()
const server = new PGliteWireServer(db)
const url = `postgres://postgres@127.0.0.1:${await server.listen(0)}/postgres`
const sql = postgres(url, { max: 2, onnotice: () => {} })
const other = postgres(url, { max: 1, onnotice: () => {} })

afterAll(async () => {
  await sql.end()
  await other.end()
  await server.close()
  await db.close()
})

test('COPY FROM STDIN through the wire server lands every row, inside a transaction, and the database keeps serving', async () => {
  await sql`CREATE TABLE scores (user_id int, job_id int, doc jsonb, PRIMARY KEY (user_id, job_id))`
  await sql`INSERT INTO scores VALUES (1, 0, '{}')`
  const reader = sql.begin(async (tx) => {
    await tx`DELETE FROM scores WHERE user_id = 1`
    const stream = await tx`COPY scores (user_id, job_id, doc) FROM STDIN`.writable()
    for (let chunk = 0; chunk < 10; chunk++) {
      stream.write(Array.from({ length: 100 }, (_, i) => `1\t${chunk * 100 + i}\t{"summary": "row ${chunk * 100 + i}"}\n`).join(''))
    }
    stream.end()
    await new Promise((resolve) => stream.on('finish', resolve))
    return tx`SELECT count(*)::int AS n FROM scores`
  })
  // another client's query waits for the transaction instead of landing in the middle of the COPY
  const outside = other`SELECT count(*)::int AS n FROM scores`
  expect((await reader)[0]?.n).toBe(1000)
  expect((await outside)[0]?.n).toBeOneOf([1, 1000])
  expect([...(await sql`SELECT doc->>'summary' AS s FROM scores WHERE job_id = 999`)]).toEqual([{ s: 'row 999' }])
  expect((await other`SELECT count(*)::int AS n FROM scores`)[0]?.n).toBe(1000)
})
