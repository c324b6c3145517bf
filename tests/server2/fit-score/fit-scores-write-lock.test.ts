import { afterAll, beforeAll, expect, test } from 'bun:test'
import postgres from 'postgres'
import { lockFitScoresWrites, withFitScoresWriteLock } from '../../../server2/agents/fit-score/fit-scores-write-lock.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'

let db: TestDatabase
let sql: postgres.Sql

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4, onnotice: () => {} })
})

afterAll(async () => {
  await sql.end()
  await db.drop()
})

test('a full scan waits for a delta store phase to finish writing fit_scores, then writes', async () => {
  const events: string[] = []
  const delta = withFitScoresWriteLock(sql, async () => {
    events.push('delta writes')
    await Bun.sleep(300)
    events.push('delta done')
  })
  await Bun.sleep(50)
  const fullScan = sql.begin(async (tx) => {
    await lockFitScoresWrites(tx)
    events.push('full scan writes')
  })
  await Promise.all([delta, fullScan])
  expect(events).toEqual(['delta writes', 'delta done', 'full scan writes'])
})

test('the lock is released when the delta store phase throws', async () => {
  await expect(withFitScoresWriteLock(sql, async () => Promise.reject(new Error('COPY failed')))).rejects.toThrow('COPY failed')
  const [row] = await sql.begin(async (tx) => {
    await lockFitScoresWrites(tx)
    return tx`SELECT 1 AS ok`
  })
  expect(row?.ok).toBe(1)
})
