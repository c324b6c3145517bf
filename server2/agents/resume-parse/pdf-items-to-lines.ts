import type { StructuredTextItem } from 'unpdf'

/** Items closer vertically than this share a line (fraction of the font size). */
const SAME_LINE_TOLERANCE = 0.5
/** A horizontal gap wider than this separates columns, e.g. "Infosys        Jan 2019 - Present". */
const COLUMN_GAP = 2
/** A vertical step wider than this many font sizes is a blank line between blocks. */
const BLOCK_GAP = 1.8
/** What a column gap becomes in the text: wide enough for parsers to split on. */
const COLUMN_SEPARATOR = '   '

interface PdfLine {
  y: number
  fontSize: number
  items: StructuredTextItem[]
}

/**
 * Rebuilds the lines of one page from positioned text items. pdf.js returns
 * items in content-stream order, which for many generators is not reading
 * order, so lines are grouped by baseline and ordered top-to-bottom, left-to-right.
 */
export function pdfItemsToLines(items: StructuredTextItem[]): string {
  const lines: PdfLine[] = []
  const sorted = items.filter((item) => item.str.length > 0).toSorted((a, b) => b.y - a.y || a.x - b.x)
  for (const item of sorted) {
    const fontSize = item.fontSize || item.height || 10
    const line = lines.find((l) => Math.abs(l.y - item.y) <= SAME_LINE_TOLERANCE * Math.max(l.fontSize, fontSize))
    if (line) {
      line.items.push(item)
      line.fontSize = Math.max(line.fontSize, fontSize)
    } else {
      lines.push({ y: item.y, fontSize, items: [item] })
    }
  }
  lines.sort((a, b) => b.y - a.y)

  const out: string[] = []
  let previous: PdfLine | undefined
  for (const line of lines) {
    const text = joinLineItems(line)
    if (text.trim() === '') continue
    if (previous && previous.y - line.y > BLOCK_GAP * Math.max(previous.fontSize, line.fontSize)) out.push('')
    out.push(text)
    previous = line
  }
  return out.join('\n')
}

function joinLineItems(line: PdfLine): string {
  let text = ''
  let end: number | undefined
  for (const item of line.items.toSorted((a, b) => a.x - b.x)) {
    // pdf.js fills gaps with whitespace items as wide as the gap; measure the gap itself instead.
    if (item.str.trim() === '') continue
    if (end !== undefined) {
      const gap = item.x - end
      if (gap > COLUMN_GAP * line.fontSize) text = text.trimEnd() + COLUMN_SEPARATOR
      else if (gap > 0.15 * line.fontSize && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' '
    }
    text += item.str
    end = item.x + item.width
  }
  return text.replace(/[ \t]+$/, '')
}
