import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { DEV_MARKET_USER_ID } from '../../scripts/dev/enable-dev-feed.ts'
import { freePort } from '../support/free-port.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

/**
 * `bun run dev --feed` on your own (local) database, the real command: while it runs the feed's
 * sources are enabled, pointing at this machine; once it stops they are switched off again, so no
 * other server on that database is left with sources on ports nothing listens on.
 */

const ROOT = join(import.meta.dir, '../..')
let db: TestDatabase
let sql: postgres.Sql
let dataDir: string

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 1, onnotice: () => {} })
  dataDir = await mkdtemp(join(tmpdir(), 'talvix-dev-command-'))
})

afterAll(async () => {
  await sql.end()
  await db.drop()
  await rm(dataDir, { recursive: true, force: true })
})

/** Reads a stream until it has printed `marker`, then keeps draining it (the servers log to it) into the returned text. */
async function printedUntil(stream: ReadableStream<Uint8Array>, marker: string): Promise<{ text: () => string }> {
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  let text = ''
  while (!text.includes(marker)) {
    const { value, done } = await reader.read()
    if (done) throw new Error(`bun run dev ended before printing "${marker}":\n${text}`)
    text += decoder.decode(value)
  }
  void (async () => {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value)
  })()
  return { text: () => text }
}

const devRows = () => sql<{ id: string; enabled: boolean; base_url: string }[]>`SELECT id, enabled, base_url FROM job_sources WHERE id LIKE 'dev-%' ORDER BY id`

test('stopping bun run dev --feed switches its sources and its market searcher off in the database', async () => {
  const ports = { SERVER1: freePort(), SERVER2: freePort(), SERVER3: freePort() }
  const dev = Bun.spawn(['bun', 'scripts/dev.ts', '--feed'], {
    cwd: ROOT,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      // a shared PostgreSQL: no pg_cron jobs for a database the test drops
      SCHEDULER: 'off',
      SCHEDULE_BACKFILL_HOURS: '0',
      ...Object.fromEntries(Object.entries(ports).flatMap(([server, port]) => [[`${server}_PORT`, String(port)], [`${server}_URL`, `http://127.0.0.1:${port}`]])),
    },
  })
  const stderr = new Response(dev.stderr).text()
  const stdout = await printedUntil(dev.stdout, 'Talvix is running:')

  const running = await devRows()
  expect(running.map((row) => [row.id, row.enabled])).toEqual([['dev-ashby', true], ['dev-greenhouse', true], ['dev-lever', true]])
  expect(running.every((row) => row.base_url.startsWith('http://127.0.0.1:'))).toBe(true)
  const [market] = await sql<{ roles: number }[]>`SELECT cardinality(target_roles) AS roles FROM users WHERE id = ${DEV_MARKET_USER_ID}`
  expect(market?.roles).toBeGreaterThan(0)

  dev.kill('SIGTERM')
  expect(await dev.exited).toBe(0)
  expect({ stderr: await stderr }).toEqual({ stderr: '' })
  expect(stdout.text()).toContain('Local job feed: 360 postings')
  expect((await devRows()).map((row) => [row.id, row.enabled])).toEqual([['dev-ashby', false], ['dev-greenhouse', false], ['dev-lever', false]])
  const [after] = await sql<{ roles: number }[]>`SELECT cardinality(target_roles) AS roles FROM users WHERE id = ${DEV_MARKET_USER_ID}`
  expect(after?.roles).toBe(0)
}, 90_000)
