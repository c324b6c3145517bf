import mammoth from 'mammoth'
import { extractTextItems } from 'unpdf'
import { pdfItemsToLines } from './pdf-items-to-lines.ts'

export type ResumeMime =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'text/plain'

/** The file holds no text we can read: a scanned or image-only PDF, or an empty file. */
export class NoExtractableTextError extends Error {
  override readonly name = 'NoExtractableTextError'
  constructor() {
    super('no extractable text')
  }
}

/**
 * A scanned PDF often still carries a page number or a scanner watermark, so
 * "some text" is not enough: below this many letters and digits there is no
 * resume to parse.
 */
const MIN_MEANINGFUL_CHARS = 20

export async function extractResumeText(bytes: Uint8Array, mime: ResumeMime): Promise<string> {
  const text = await extractByMime(bytes, mime)
  if (text.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_MEANINGFUL_CHARS) throw new NoExtractableTextError()
  return text
}

async function extractByMime(bytes: Uint8Array, mime: ResumeMime): Promise<string> {
  switch (mime) {
    case 'application/pdf':
      return extractPdfText(bytes)
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return extractDocxText(bytes)
    case 'text/plain':
      return decodePlainText(bytes)
  }
}

async function extractPdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js transfers the buffer it is given to its worker, which detaches it;
  // copy so the caller's bytes stay usable (e.g. for storing the file).
  const { items } = await extractTextItems(bytes.slice())
  return items.map(pdfItemsToLines).join('\n')
}

async function extractDocxText(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
  // mammoth ends every paragraph with a blank line; one paragraph per line
  // keeps the layout, and an empty paragraph still shows as a blank line.
  return value.replace(/\r\n?/g, '\n').split('\n\n').join('\n').trimEnd()
}

function decodePlainText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Resumes saved from old Windows editors are often Windows-1252, not UTF-8.
    return new TextDecoder('windows-1252').decode(bytes)
  }
}
