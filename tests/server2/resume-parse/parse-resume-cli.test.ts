import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { renderDocx, renderPdf, renderScannedPdf, renderTxt } from './fixtures/render-resume.ts'
import { RESUMES } from './fixtures/resumes.ts'

const SCRIPT = join(import.meta.dir, '../../../scripts/parse-resume.ts')
let dir: string

async function run(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = Bun.spawn(['bun', SCRIPT, file], { stdout: 'pipe', stderr: 'pipe' })
  const [stdout, stderr, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited])
  return { code, stdout, stderr }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parse-resume-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('bun run parse-resume FILE', () => {
  const sde = RESUMES.find((r) => r.name.startsWith('experienced SDE'))
  if (!sde) throw new Error('the SDE fixture is missing')

  test.each([
    ['resume.pdf', () => renderPdf(sde.lines)],
    ['resume.docx', () => renderDocx(sde.lines)],
    ['resume.txt', async () => renderTxt(sde.lines)],
    // Content decides, as for uploads: a PDF saved with a .docx name is still read as a PDF.
    ['misnamed.docx', () => renderPdf(sde.lines)],
  ])('%s prints the profile as one JSON document', async (name, make) => {
    const file = join(dir, name)
    await writeFile(file, await make())
    const { code, stdout } = await run(file)
    expect(code).toBe(0)
    const profile = JSON.parse(stdout)
    expect(profile.contact).toEqual(sde.expected.contact)
    expect(profile.experience.map((e: { company: string }) => e.company)).toEqual(sde.expected.experience.map((e) => e.company))
    expect(profile.current_ctc_inr).toBe(sde.expected.current_ctc_inr)
    expect(profile.skills.length).toBeGreaterThan(0)
  })

  test('a scanned PDF exits 1 with "no extractable text"', async () => {
    const file = join(dir, 'scan.pdf')
    await writeFile(file, await renderScannedPdf(1))
    const { code, stdout, stderr } = await run(file)
    expect({ code, stdout, error: JSON.parse(stderr).error }).toEqual({ code: 1, stdout: '', error: 'no extractable text' })
  })

  test('a missing file exits 1 and names it', async () => {
    const { code, stderr } = await run(join(dir, 'nope.pdf'))
    expect(code).toBe(1)
    expect(JSON.parse(stderr).error).toContain('nope.pdf')
  })
})
