import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { createLocalStorage } from '#shared/storage/local-storage.ts'
import { type ApiKit, expectError, startApiKit } from './api-test-kit.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'talvix-upload-'))
let kit: ApiKit

beforeAll(async () => {
  kit = await startApiKit({ DATA_DIR: dataDir })
})
afterAll(async () => {
  await kit.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  page.drawText('Asha Rao — Senior Backend Engineer — TypeScript, PostgreSQL, AWS', { x: 40, y: 700, size: 12, font })
  return pdf.save()
}

async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph('Ravi Kumar'), new Paragraph('Data Analyst, SQL, Python')] }] })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}

/** The PE header of a Windows program: "MZ", padding, e_lfanew → "PE\0\0". */
function fakeExe(): Uint8Array {
  const bytes = new Uint8Array(4096)
  bytes.set([0x4d, 0x5a], 0)
  new DataView(bytes.buffer).setUint32(0x3c, 0x80, true)
  bytes.set([0x50, 0x45, 0, 0], 0x80)
  return bytes
}

function upload(token: string | undefined, bytes: Uint8Array, name: string, field = 'file') {
  const form = new FormData()
  form.append(field, new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' }))
  return kit.call('POST', '/api/resume/upload', { token, body: form })
}

describe('POST /api/resume/upload', () => {
  test('a real PDF → 202, stored, resumes row, resume-parse run recorded', async () => {
    const { userId, token } = await kit.signIn()
    const pdf = await makePdf()
    const res = await upload(token, pdf, 'asha.pdf')
    expect(res.status).toBe(202)
    const body = (await res.json()) as { resume_id: string; run_id: string; mime_type: string; replaced: boolean }
    expect(body).toMatchObject({ mime_type: 'application/pdf', replaced: false })
    const [resume] = await kit.sql`SELECT user_id, storage_path, is_active, status, size_bytes FROM resumes WHERE id = ${body.resume_id}`
    expect(resume).toMatchObject({ user_id: userId, is_active: true, status: 'uploaded', size_bytes: pdf.length })
    const stored = await createLocalStorage(join(dataDir, 'storage')).get(resume?.storage_path)
    expect(Buffer.from(stored).equals(Buffer.from(pdf))).toBe(true)
    const [run] = await kit.sql`SELECT agent, idempotency_key, user_id FROM agent_runs WHERE id = ${body.run_id}`
    expect(run).toMatchObject({ agent: 'resume-parse', idempotency_key: `resume-parse:${body.resume_id}` })
    const [user] = await kit.sql`SELECT fit_scores_stale FROM users WHERE id = ${userId}`
    expect(user?.fit_scores_stale).toBe(false)
  })

  test('a real DOCX → 202; a second upload replaces the active resume and marks fit scores stale', async () => {
    const { userId, token } = await kit.signIn()
    const first = (await (await upload(token, await makeDocx(), 'ravi.docx')).json()) as { resume_id: string }
    const res = await upload(token, new TextEncoder().encode('Ravi Kumar\nData Analyst\nSQL, Python, Tableau\n'), 'ravi.txt')
    expect(res.status).toBe(202)
    const second = (await res.json()) as { resume_id: string; replaced: boolean; mime_type: string }
    expect(second).toMatchObject({ replaced: true, mime_type: 'text/plain' })
    const rows = await kit.sql`SELECT id, is_active, mime_type FROM resumes WHERE user_id = ${userId} ORDER BY created_at`
    expect(rows.map((r) => [r.id, r.is_active])).toEqual([
      [first.resume_id, false],
      [second.resume_id, true],
    ])
    expect(rows[0]?.mime_type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const [user] = await kit.sql`SELECT fit_scores_stale, fit_scores_stale_since FROM users WHERE id = ${userId}`
    expect(user?.fit_scores_stale).toBe(true)
    expect(user?.fit_scores_stale_since).toBeInstanceOf(Date)
    const runs = await kit.sql`SELECT 1 FROM agent_runs WHERE agent = 'resume-parse' AND input->>'resume_id' = ${second.resume_id}`
    expect(runs).toHaveLength(1)
  })

  test('a renamed .exe → 415, nothing written', async () => {
    const { token } = await kit.signIn()
    await kit.expectNoChange(async () => {
      const body = await expectError(await upload(token, fakeExe(), 'resume.pdf'), 415, 'file')
      expect(body.message).toContain('executable')
    })
  })

  test('an empty file → 422 naming the file', async () => {
    const { token } = await kit.signIn()
    await kit.expectNoChange(async () => {
      await expectError(await upload(token, new Uint8Array(0), 'empty.pdf'), 422, 'file')
    })
  })

  test('a 6 MB file → 413, nothing written', async () => {
    const { token } = await kit.signIn()
    const big = new Uint8Array(6 * 1024 * 1024)
    big.set(new TextEncoder().encode('%PDF-1.7\n'))
    await kit.expectNoChange(async () => {
      await expectError(await upload(token, big, 'big.pdf'), 413, 'file')
    })
  })

  test('a file just over the limit inside a small multipart overhead → 413 from the file size check', async () => {
    const { token } = await kit.signIn()
    const over = new Uint8Array(5 * 1024 * 1024 + 10)
    over.set(new TextEncoder().encode('%PDF-1.7\n'))
    await kit.expectNoChange(async () => {
      await expectError(await upload(token, over, 'over.pdf'), 413, 'file')
    })
  })

  test('no file field → 422 naming it', async () => {
    const { token } = await kit.signIn()
    await kit.expectNoChange(async () => {
      await expectError(await upload(token, await makePdf(), 'a.pdf', 'resume'), 422, 'file')
    })
  })

  test('a JSON body instead of multipart → 422 naming the file, nothing written', async () => {
    const { token } = await kit.signIn()
    await kit.expectNoChange(async () => {
      await expectError(await kit.call('POST', '/api/resume/upload', { token, json: { file: 'resume.pdf' } }), 422, 'file')
    })
  })

  test('unauthenticated → 401, nothing written', async () => {
    const pdf = await makePdf()
    await kit.expectNoChange(async () => {
      await expectError(await upload(undefined, pdf, 'a.pdf'), 401)
    })
  })
})
