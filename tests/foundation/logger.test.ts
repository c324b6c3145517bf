import { expect, test } from 'bun:test'
import pino from 'pino'
import { REDACTED_PATHS } from '#shared/logger.ts'

function capture(entry: Record<string, unknown>) {
  const lines: string[] = []
  const log = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, { write: (line: string) => lines.push(line) })
  log.info(entry, 'x')
  return JSON.parse(lines[0]!) as Record<string, unknown>
}

test('secrets, tokens, cookies and ciphertext never reach a log line', () => {
  const line = capture({
    headers: { authorization: 'Bearer eyJ.secret', cookie: 'li_at=abc' },
    session: { cookies: [{ name: 'li_at', value: 'abc' }] },
    connection: { ciphertext: 'AAAA', token: 't0ken' },
    secret: 's3cret',
  })
  const text = JSON.stringify(line)
  for (const leaked of ['eyJ.secret', 'li_at=abc', 'AAAA', 't0ken', 's3cret', '"abc"']) expect(text).not.toContain(leaked)
})

test('ordinary fields, including error codes, are kept', () => {
  const line = capture({ run_id: 'r1', agent: 'jd-clean', user_id: 'u1', err: { code: 'ECONNREFUSED' } })
  expect(line).toMatchObject({ run_id: 'r1', agent: 'jd-clean', user_id: 'u1', err: { code: 'ECONNREFUSED' } })
})
