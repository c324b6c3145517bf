import { PDFDocument, type PDFFont, StandardFonts, rgb } from 'pdf-lib'

/** A document as blocks; the renderer only lays them out, so what is printed is exactly what the caller chose. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'gap' }

const PAGE = { width: 595.28, height: 841.89 } // A4
const MARGIN = 50
const STYLE = {
  title: { size: 18, bold: true, after: 4 },
  subtitle: { size: 10, bold: false, after: 8 },
  heading: { size: 12, bold: true, after: 4 },
  paragraph: { size: 10.5, bold: false, after: 6 },
  bullet: { size: 10.5, bold: false, after: 3 },
} as const
const BULLET_INDENT = 12

/**
 * The standard PDF fonts only cover WinAnsi; characters outside it (₹, Devanagari, emoji) would
 * make pdf-lib throw, so they are spelled out or dropped rather than failing the whole document.
 */
function printable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet())
  return [...text.replace(/₹\s?/g, 'Rs. ').replace(/\s+/g, ' ')]
    .filter((char) => supported.has(char.codePointAt(0) ?? 0))
    .join('')
    .trim()
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (font.widthOfTextAtSize(candidate, size) <= width || line === '') line = candidate
    else {
      lines.push(line)
      line = word
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/** Lays blocks out on A4 pages with Helvetica, wrapping lines and breaking pages as needed. */
export async function renderPdf(blocks: readonly Block[], meta: { title: string; author: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(printable(meta.title, await pdf.embedFont(StandardFonts.Helvetica)))
  pdf.setAuthor(meta.author)
  pdf.setProducer('Talvix')
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  let page = pdf.addPage([PAGE.width, PAGE.height])
  let y = PAGE.height - MARGIN
  for (const block of blocks) {
    if (block.kind === 'gap') {
      y -= 8
      continue
    }
    const style = STYLE[block.kind]
    const font = style.bold ? bold : regular
    const indent = block.kind === 'bullet' ? BULLET_INDENT : 0
    const text = printable(block.text, font)
    if (text === '') continue
    const lines = wrap(text, font, style.size, PAGE.width - 2 * MARGIN - indent)
    const lineHeight = style.size * 1.3
    for (const [i, line] of lines.entries()) {
      if (y - lineHeight < MARGIN) {
        page = pdf.addPage([PAGE.width, PAGE.height])
        y = PAGE.height - MARGIN
      }
      y -= lineHeight
      if (block.kind === 'bullet' && i === 0) page.drawText('-', { x: MARGIN, y, size: style.size, font })
      page.drawText(line, { x: MARGIN + indent, y, size: style.size, font, color: rgb(0.1, 0.1, 0.1) })
    }
    y -= style.after
  }
  return pdf.save()
}
