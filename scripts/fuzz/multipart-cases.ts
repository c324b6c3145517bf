import type { CaseMaker } from './fuzz-case.ts'
import { HOSTILE_STRINGS, hostileString } from './hostile-values.ts'
import type { Random } from './random.ts'

/**
 * Resume uploads that must all be refused. Every file content here is one the upload must
 * reject by content (empty, binary, invalid UTF-8, UTF-16, control characters, blank, a damaged
 * ZIP): so whatever the multipart framing does — bad or missing boundary, truncation, a missing
 * or renamed field, a wrong content type — no answer may be a 2xx.
 */

const enc = new TextEncoder()

function rejectableFile(r: Random): Uint8Array<ArrayBuffer> {
  switch (r.int(8)) {
    case 0:
      return new Uint8Array(0)
    case 1:
      return enc.encode(`${hostileString(r).slice(0, 500)}\u0000${'A'.repeat(r.int(2000))}`)
    case 2:
      return new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0xfd, ...enc.encode('resume')])
    case 3:
      return new Uint8Array([0xff, 0xfe, ...enc.encode('R\0e\0s\0u\0m\0e\0')])
    case 4:
      return enc.encode(`${'\u0001\u0002\u0003\u0007'.repeat(50)}${r.pick(HOSTILE_STRINGS)}`)
    case 5:
      return enc.encode(' \n\t\r\n   '.repeat(1 + r.int(100)))
    case 6:
      return new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc.encode(hostileString(r).slice(0, 3000))])
    default:
      return new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, ...new Uint8Array(200)])
  }
}

function concat(parts: (string | Uint8Array)[]): Uint8Array<ArrayBuffer> {
  const chunks = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p))
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

const FILE_NAMES = ['resume.pdf', 'cv.docx', '../../../etc/passwd', '..\\..\\boot.ini', '\u202Efdp.exe', 'a'.repeat(1000), 'résumé 😀.txt', 'x"; filename="evil.sh', '', '%00.pdf']
const PART_TYPES = ['application/pdf', 'text/plain', 'application/x-msdownload', 'image/png', '', 'text/html; charset=utf-7']

export const uploadResume: CaseMaker = (r, w) => {
  const boundary = `----talvixfuzz${r.int(1e9)}`
  const field = r.chance(0.8) ? 'file' : r.pick(['resume', 'File', 'file[]', '', hostileString(r).slice(0, 100)])
  const name = r.pick(FILE_NAMES)
  const partType = r.pick(PART_TYPES)
  const disposition = r.chance(0.85) ? `form-data; name="${field}"; filename="${name}"` : `form-data; name="${field}"`
  const part = [`--${boundary}\r\n`, `Content-Disposition: ${disposition}\r\n`, partType ? `Content-Type: ${partType}\r\n` : '', '\r\n', rejectableFile(r), '\r\n']
  const extra = r.chance(0.2) ? [`--${boundary}\r\nContent-Disposition: form-data; name="user_id"\r\n\r\n${w.victimId}\r\n`] : []
  let body = concat([...extra, ...part, `--${boundary}--\r\n`])
  let contentType = `multipart/form-data; boundary=${boundary}`
  switch (r.int(9)) {
    case 0:
      body = body.subarray(0, r.int(body.length))
      break
    case 1:
      contentType = `multipart/form-data; boundary=${boundary}-other`
      break
    case 2:
      contentType = 'multipart/form-data'
      break
    case 3:
      contentType = r.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/pdf'])
      break
    case 4:
      body = concat([...part, ...part, `--${boundary}--\r\n`])
      break
    case 5:
      body = concat([`--${boundary}\r\n`, 'Content-Disposition: form-data\r\n\r\n', rejectableFile(r), `\r\n--${boundary}--\r\n`])
      break
    case 6:
      contentType = `multipart/form-data; boundary="${'b'.repeat(200)}"`
      break
    default:
      break
  }
  return { endpoint: 'POST /api/resume/upload', server: 'server1', method: 'POST', path: '/api/resume/upload', headers: { authorization: w.attacker, 'content-type': contentType }, body }
}
