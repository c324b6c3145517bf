import { describe, expect, test } from 'bun:test'
import { Document, Packer, Paragraph } from 'docx'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { detectResumeType } from '../../server1/resume/detect-resume-type.ts'
import { zipEntryNames } from '../../server1/resume/zip-entry-names.ts'

const PDF = 'application/pdf'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage()
  page.drawText('Asha Rao - Backend Engineer', { font: await pdf.embedFont(StandardFonts.Helvetica), x: 50, y: 700 })
  return pdf.save()
}

async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph('Asha Rao - Backend Engineer')] }] })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/** A minimal stored (uncompressed) ZIP, enough to impersonate other ZIP-based formats. */
function makeZip(files: Record<string, string>, comment = ''): Uint8Array {
  const encoder = new TextEncoder()
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = encoder.encode(name)
    const data = encoder.encode(text)
    const crc = Bun.hash.crc32(data)
    const local = new Uint8Array(30 + nameBytes.length + data.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, 20, true)
    lv.setUint32(14, crc, true)
    lv.setUint32(18, data.length, true)
    lv.setUint32(22, data.length, true)
    lv.setUint16(26, nameBytes.length, true)
    local.set(nameBytes, 30)
    local.set(data, 30 + nameBytes.length)
    const central = new Uint8Array(46 + nameBytes.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(4, 20, true)
    cv.setUint16(6, 20, true)
    cv.setUint32(16, crc, true)
    cv.setUint32(20, data.length, true)
    cv.setUint32(24, data.length, true)
    cv.setUint16(28, nameBytes.length, true)
    cv.setUint32(42, offset, true)
    central.set(nameBytes, 46)
    locals.push(local)
    centrals.push(central)
    offset += local.length
  }
  const directorySize = centrals.reduce((sum, entry) => sum + entry.length, 0)
  const commentBytes = encoder.encode(comment)
  const end = new Uint8Array(22 + commentBytes.length)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, centrals.length, true)
  ev.setUint16(10, centrals.length, true)
  ev.setUint32(12, directorySize, true)
  ev.setUint32(16, offset, true)
  ev.setUint16(20, commentBytes.length, true)
  end.set(commentBytes, 22)
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]))
}

const contentTypes = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x" ContentType="${main}"/></Types>`

async function expectRejected(bytes: Uint8Array, fileName: string, reason: RegExp): Promise<void> {
  const result = await detectResumeType(bytes, fileName)
  expect(result).toHaveProperty('error')
  expect('error' in result && result.error).toMatch(reason)
}

describe('accepted by content', () => {
  test('a real PDF made with pdf-lib', async () => {
    expect(await detectResumeType(await makePdf(), 'asha.pdf')).toEqual({ mime: PDF, ext: 'pdf', extensionMatches: true })
  })

  test('a real DOCX made with docx', async () => {
    expect(await detectResumeType(await makeDocx(), 'Asha CV.DOCX')).toEqual({ mime: DOCX, ext: 'docx', extensionMatches: true })
  })

  test('UTF-8 text with Indian scripts, tabs and a BOM', async () => {
    const text = '\uFEFFआशा राव\tBackend Engineer\r\nSkills: Go, Postgres, ₹ 24 LPA\n\fPage 2\n'
    expect(await detectResumeType(new TextEncoder().encode(text), 'cv.txt')).toEqual({
      mime: 'text/plain',
      ext: 'txt',
      extensionMatches: true,
    })
  })

  test('a PDF named .docx is accepted as a PDF, with the mismatch reported', async () => {
    expect(await detectResumeType(await makePdf(), 'resume.docx')).toEqual({ mime: PDF, ext: 'pdf', extensionMatches: false })
  })

  test('a DOCX with no extension at all is accepted', async () => {
    expect(await detectResumeType(await makeDocx(), 'resume')).toMatchObject({ mime: DOCX, extensionMatches: false })
  })

  test('a minimal DOCX package with a ZIP comment is still found', async () => {
    const zip = makeZip({ '[Content_Types].xml': contentTypes('x'), 'word/document.xml': '<w:document/>' }, 'made by tests')
    expect(await detectResumeType(zip, 'cv.docx')).toMatchObject({ mime: DOCX })
  })
})

describe('rejected with a reason', () => {
  test('an empty file', () => expectRejected(new Uint8Array(), 'cv.pdf', /file is empty/))

  test('a Windows executable renamed to .pdf', async () => {
    const exe = new Uint8Array(512)
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff])
    await expectRejected(exe, 'cv.pdf', /executable program \(application\/x-msdownload\)/)
  })

  test('an ELF binary renamed to .docx', async () => {
    const elf = new Uint8Array(256)
    elf.set([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00])
    await expectRejected(elf, 'cv.docx', /executable program/)
  })

  test('a PNG image renamed to .pdf', async () => {
    const png = Uint8Array.from(Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'))
    await expectRejected(png, 'cv.pdf', /image \(png\)/)
  })

  test('a plain ZIP renamed to .docx', async () => {
    await expectRejected(makeZip({ 'resume.pdf': '%PDF-1.7' }), 'cv.docx', /ZIP|zip/)
  })

  test('an XLSX renamed to .docx', async () => {
    const xlsx = makeZip({
      '[Content_Types].xml': contentTypes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
      'xl/workbook.xml': '<workbook/>',
    })
    await expectRejected(xlsx, 'cv.docx', /file is XLSX .*only PDF, DOCX or plain-text/)
  })

  test('a package with word/document.xml but no [Content_Types].xml', async () => {
    await expectRejected(makeZip({ 'word/document.xml': '<w:document/>' }), 'cv.docx', /ZIP/)
  })

  test('a ZIP whose first local header says word/document.xml but whose central directory does not', async () => {
    // The decoy entry's local header is there, but the index (what Word and parsers read) lists other names.
    const real = makeZip({ '[Content_Types].xml': contentTypes('x'), 'word/documenX.xml': '<w:document/>' })
    const forged = Buffer.from(real)
    forged.write('word/document.xml', forged.indexOf('word/documenX.xml'), 'latin1')
    await expectRejected(new Uint8Array(forged), 'cv.docx', /ZIP/)
  })

  test('a macro-enabled Word document', async () => {
    const docm = makeZip({
      '[Content_Types].xml': contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml'),
      'word/document.xml': '<w:document/>',
      'word/vbaProject.bin': 'Attribute VB_Name',
    })
    await expectRejected(docm, 'cv.docx', /macro-enabled/)
  })

  test('a truncated DOCX', async () => {
    const docx = await makeDocx()
    await expectRejected(docx.subarray(0, docx.length - 30), 'cv.docx', /damaged/)
  })

  test('a legacy Word .doc (OLE compound file)', async () => {
    const doc = new Uint8Array(1024)
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    await expectRejected(doc, 'cv.doc', /not accepted/)
  })

  test('UTF-16 text', async () => {
    await expectRejected(new Uint8Array(Buffer.from('\uFEFFAsha Rao', 'utf16le')), 'cv.txt', /UTF-16; save it as UTF-8/)
  })

  test('Windows-1252 text (not UTF-8)', async () => {
    await expectRejected(new Uint8Array(Buffer.from('Caf\xe9 manager r\xe9sum\xe9', 'latin1')), 'cv.txt', /UTF-8/)
  })

  test('text with NUL bytes', async () => {
    await expectRejected(new TextEncoder().encode('Asha\0Rao'), 'cv.txt', /NUL/)
  })

  test('mostly control characters', async () => {
    await expectRejected(new TextEncoder().encode('\x01\x02\x03\x1b[31mhello'), 'cv.txt', /control characters/)
  })

  test('whitespace only', async () => {
    await expectRejected(new TextEncoder().encode(' \n\t\r\n '), 'cv.txt', /no visible content/)
  })

  test('"%PDF" without a version is not taken for a PDF', async () => {
    await expectRejected(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0x01]), 'cv.pdf', /looks like PDF but its structure is invalid/)
  })
})

describe('zipEntryNames', () => {
  test('lists the entries of a real DOCX', async () => {
    const result = zipEntryNames(await makeDocx())
    expect('names' in result && result.names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']))
  })

  test('reports a file with no end-of-central-directory record', () => {
    expect(zipEntryNames(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toHaveProperty('error')
  })

  test('reports a central directory that points outside the file', () => {
    const zip = makeZip({ 'a.txt': 'a' })
    new DataView(zip.buffer).setUint32(zip.length - 6, 0x7fffffff, true)
    expect(zipEntryNames(zip)).toEqual({ error: 'ZIP central directory points outside the file' })
  })
})
