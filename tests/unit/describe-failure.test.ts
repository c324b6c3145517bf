import { expect, test } from 'bun:test'
import { describeFailure, postgresHint } from '#shared/cli/describe-failure.ts'
import { runCli } from '#shared/cli/run-cli.ts'

test('a bug is not described: it keeps its stack trace', async () => {
  expect(describeFailure(new Error('undefined is not a function'))).toBeNull()
  expect(describeFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull()
  expect(describeFailure('a thrown string')).toBeNull()
  const bug = new RangeError('index out of range')
  await expect(runCli('x', () => Promise.reject(bug))).rejects.toBe(bug)
})

test('outside causes become one line with what to do', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5499'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 5499 })
  expect(describeFailure(refused)).toEqual({
    line: 'cannot reach PostgreSQL at 127.0.0.1:5499 (connection refused): is it running? Check DATABASE_URL',
    exitCode: 1,
  })
  const fetchRefused = Object.assign(new TypeError('Unable to connect'), { code: 'ECONNREFUSED', path: 'http://127.0.0.1:3001/api/admin/runs' })
  expect(describeFailure(fetchRefused)?.line).toBe('cannot reach http://127.0.0.1:3001 (connection refused): is the server running? (bun run dev)')
  const missingDb = Object.assign(new Error('database "talvix" does not exist'), { name: 'PostgresError', code: '3D000' })
  expect(describeFailure(missingDb)?.line).toBe('PostgreSQL: database "talvix" does not exist: create it, or fix the database name in DATABASE_URL')
  // the same hints name whichever variable holds the URL (the test preflight's TEST_DATABASE_URL)
  expect(postgresHint('28P01', 'TEST_DATABASE_URL')).toBe('check the password in TEST_DATABASE_URL')
  expect(postgresHint('XX000')).toBeUndefined()

  const missingFile = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT', path: 'cv.pdf' })
  expect(describeFailure(missingFile)).toEqual({ line: 'cv.pdf: no such file', exitCode: 1 })
})
