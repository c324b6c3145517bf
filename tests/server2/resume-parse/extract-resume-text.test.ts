import { describe, expect, test } from 'bun:test'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { NoExtractableTextError, extractResumeText } from '../../../server2/agents/resume-parse/extract-resume-text.ts'
import { renderDocx, renderPdf, renderScannedPdf } from './fixtures/render-resume.ts'

function ascii(text: string): number[] {
  return [...new TextEncoder().encode(text)]
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const LINES = ['PRIYA NAIR', 'Pune | 9876543210', '', 'EXPERIENCE', { left: 'Accounts Executive, Krishna & Co.', right: '04/2021 - Present' }, '• Filed GST returns.']

describe('PDF', () => {
  test('keeps one resume line per text line, in reading order, with right-column dates on their own line', async () => {
    const text = await extractResumeText(await renderPdf(LINES), 'application/pdf')
    expect(text.split('\n')).toEqual([
      'PRIYA NAIR',
      'Pune | 9876543210',
      '',
      'EXPERIENCE',
      'Accounts Executive, Krishna & Co.   04/2021 - Present',
      '• Filed GST returns.',
    ])
  })

  test('joins pages with a line break', async () => {
    const many = Array.from({ length: 70 }, (_, i) => `Line ${i + 1} of a long resume`)
    const text = await extractResumeText(await renderPdf(many), 'application/pdf')
    expect(text.split('\n').filter((l) => l !== '')).toEqual(many)
  })

  test('leaves the caller’s bytes usable (pdf.js would otherwise detach them)', async () => {
    const bytes = await renderPdf(LINES)
    await extractResumeText(bytes, 'application/pdf')
    expect(await extractResumeText(bytes, 'application/pdf')).toContain('PRIYA NAIR')
  })

  test.each([
    ['a scanned (image-only) PDF', () => renderScannedPdf(2)],
    ['an empty PDF', async () => {
      const pdf = await PDFDocument.create()
      pdf.addPage()
      return pdf.save()
    }],
    ['a PDF with only a page number', async () => {
      const pdf = await PDFDocument.create()
      const font = await pdf.embedFont(StandardFonts.Helvetica)
      pdf.addPage().drawText('Page 1', { x: 280, y: 20, size: 9, font })
      return pdf.save()
    }],
  ])('%s fails with NoExtractableTextError', async (_, make) => {
    const failure = extractResumeText(await make(), 'application/pdf')
    await expect(failure).rejects.toBeInstanceOf(NoExtractableTextError)
    await expect(failure).rejects.toThrow('no extractable text')
  })
})

describe('DOCX', () => {
  test('gives one paragraph per line; list bullets are Word numbering and do not appear', async () => {
    const text = await extractResumeText(await renderDocx(LINES), DOCX)
    expect(text.split('\n')).toEqual([
      'PRIYA NAIR',
      'Pune | 9876543210',
      '',
      'EXPERIENCE',
      'Accounts Executive, Krishna & Co.\t04/2021 - Present',
      'Filed GST returns.',
    ])
  })

  test('an empty document fails with NoExtractableTextError', async () => {
    await expect(extractResumeText(await renderDocx(['']), DOCX)).rejects.toBeInstanceOf(NoExtractableTextError)
  })
})

describe('TXT', () => {
  test('decodes UTF-8, including ₹ and Devanagari', async () => {
    const text = 'Rohit Kumar (रोहित)\nCurrent CTC: ₹8,50,000'
    expect(await extractResumeText(new TextEncoder().encode(text), 'text/plain')).toBe(text)
  })

  test('falls back to Windows-1252 for files saved by old editors', async () => {
    // 0xE9 is "é" and 0x96 is "–" in Windows-1252; neither is valid UTF-8 on its own.
    const bytes = new Uint8Array([...ascii('Jos'), 0xe9, ...ascii(' Fernandes, Goa '), 0x96, ...ascii(' Sales Executive since 2019')])
    expect(await extractResumeText(bytes, 'text/plain')).toBe('José Fernandes, Goa – Sales Executive since 2019')
  })

  test('whitespace only fails with NoExtractableTextError', async () => {
    await expect(extractResumeText(new TextEncoder().encode(' \n\n\t '), 'text/plain')).rejects.toBeInstanceOf(NoExtractableTextError)
  })
})
