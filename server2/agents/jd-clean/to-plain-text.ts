import { compile, type FormatCallback } from 'html-to-text'

/**
 * Turns a posting (board HTML or pasted text) into plain text in one shape:
 * headings as "## Heading" lines, list items as "- item" lines, paragraphs
 * separated by one blank line. Every later step (sections, fields, hash) reads
 * this shape, so HTML and text versions of the same posting end up alike.
 */
export function toPlainText(raw: string): string {
  const text = looksLikeHtml(raw) ? convertHtml(raw) : raw
  return normalizeLines(text)
}

const HTML_TAG = /<(?:p|div|br|ul|ol|li|h[1-6]|span|strong|b|em|i|table|section|article|a|body|html)\b[^>]*>/i

export function looksLikeHtml(raw: string): boolean {
  return HTML_TAG.test(raw)
}

/** Headings become "## text" so the section splitter knows them without guessing. */
const markdownHeading: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 })
  builder.addInline('## ')
  walk(elem.children, builder)
  builder.closeBlock({ trailingLineBreaks: 2 })
}

/**
 * Boards lay out chips and labels as adjacent inline elements with no space
 * between them (Naukri's "Posted: 3 days ago" + "Openings: 2", skill chips);
 * a trailing space keeps their words apart. Extra spaces are collapsed later.
 */
const spacedInline: FormatCallback = (elem, walk, builder) => {
  walk(elem.children, builder)
  builder.addInline(' ')
}

/**
 * Links print their text only (tracking URLs are noise), except mailto links
 * whose text hides the address ("click here"): the address is what a candidate
 * needs, and the apply-email finder reads it from the text.
 */
const anchorText: FormatCallback = (elem, walk, builder) => {
  walk(elem.children, builder)
  const href: unknown = elem.attribs?.href
  if (typeof href !== 'string' || !href.toLowerCase().startsWith('mailto:')) {
    builder.addInline(' ')
    return
  }
  const address = decodeURIComponent(href.slice('mailto:'.length).split('?')[0] ?? '')
  const shown = (elem.children ?? []).map(textOf).join('')
  if (address && !shown.includes(address)) builder.addInline(` (${address})`)
  builder.addInline(' ')
}

function textOf(node: { type: string; data?: string; children?: unknown[] }): string {
  if (node.type === 'text') return node.data ?? ''
  return ((node.children ?? []) as (typeof node)[]).map(textOf).join('')
}

const headingSelectors = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
  selector,
  format: 'markdownHeading',
}))

const convertHtml = compile({
  wordwrap: false,
  formatters: { markdownHeading, anchorText, spacedInline },
  selectors: [
    ...headingSelectors,
    { selector: 'a', format: 'anchorText' },
    { selector: 'span', format: 'spacedInline' },
    { selector: 'label', format: 'spacedInline' },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'button', format: 'skip' },
    { selector: 'nav', format: 'skip' },
    { selector: 'form', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'ol', format: 'unorderedList', options: { itemPrefix: '- ' } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
})

/** Bullet glyphs seen in pasted JDs (Word, Naukri, WhatsApp forwards). */
const BULLET = /^(?:[-*•●▪◦·‣⁃–—➢➤►▶✓✔√○■□◆◇»]|o(?=\s)|\d{1,2}[.)](?=\s))\s*/

function normalizeLines(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .split('\n')
    .map(normalizeLine)
  const out: string[] = []
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out.at(-1) === '')) continue
    out.push(line)
  }
  while (out.at(-1) === '') out.pop()
  return out.join('\n')
}

function normalizeLine(line: string): string {
  const trimmed = line
    .replace(/ {2,}/g, ' ')
    .replace(/ +([.,;:!?)])/g, '$1')
    .replace(/\( +/g, '(')
    .trim()
    // WhatsApp-forwarded JDs wrap lines in *bold* / _italic_ markers; a leading "*" there is not a bullet.
    .replace(/^([*_])(?=\S)([^*_]+?)\1$/, '$2')
  if (trimmed.startsWith('#')) return `## ${trimmed.replace(/^#+\s*/, '')}`.trimEnd()
  if (!BULLET.test(trimmed)) return trimmed
  const item = trimmed.replace(BULLET, '').trim()
  return item ? `- ${item}` : ''
}
