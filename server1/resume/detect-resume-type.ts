import { fileTypeFromBuffer } from 'file-type'
import { zipEntryNames } from './zip-entry-names.ts'

export const RESUME_MIME_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
} as const
export type ResumeExtension = keyof typeof RESUME_MIME_TYPES
export type ResumeMimeType = (typeof RESUME_MIME_TYPES)[ResumeExtension]

export type DetectedResumeType = {
  mime: ResumeMimeType
  ext: ResumeExtension
  /**
   * Whether the uploaded name's extension agrees with the content. The type is
   * decided by content alone (a PDF named resume.docx is still a valid resume
   * and is stored and parsed as a PDF); this is only for logging.
   */
  extensionMatches: boolean
}

const PDF_MAGIC = /^%PDF-\d\.\d/
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
/** Text with more than this share of control characters is treated as binary. */
const MAX_CONTROL_CHAR_RATIO = 0.01
const SUPPORTED = 'only PDF, DOCX or plain-text (UTF-8) resumes are accepted'

/**
 * Decides whether uploaded bytes are a resume we can parse (PDF, DOCX, UTF-8
 * text) by their content, never by the file name or the client's
 * Content-Type. Rejections carry a reason fit for a 4xx response.
 */
export async function detectResumeType(
  bytes: Uint8Array,
  fileName: string,
): Promise<DetectedResumeType | { error: string }> {
  if (bytes.length === 0) return { error: 'file is empty' }
  const ext = contentExtension(bytes)
  if (typeof ext !== 'string') {
    return { error: ext.nameTheFormat ? ((await describeOtherFormat(bytes)) ?? ext.reason) : ext.reason }
  }
  const nameExt = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1]
  return { mime: RESUME_MIME_TYPES[ext], ext, extensionMatches: nameExt === ext }
}

/**
 * The resume type the content proves, or why it is not one. `nameTheFormat`
 * marks content that is some other format, which file-type can name better
 * than our reason can.
 */
type NotAResume = { reason: string; nameTheFormat: boolean }

function contentExtension(bytes: Uint8Array): ResumeExtension | NotAResume {
  if (PDF_MAGIC.test(new TextDecoder('latin1').decode(bytes.subarray(0, 8)))) return 'pdf'
  if (ZIP_MAGIC.every((byte, index) => bytes[index] === byte)) return docxOrReason(bytes)
  return plainTextProblem(bytes) ?? 'txt'
}

function docxOrReason(bytes: Uint8Array): 'docx' | NotAResume {
  const zip = zipEntryNames(bytes)
  if ('error' in zip) return { reason: `file looks like a ZIP/DOCX but is damaged: ${zip.error}`, nameTheFormat: false }
  const names = new Set(zip.names)
  if (!names.has('word/document.xml') || !names.has('[Content_Types].xml')) {
    return { reason: `file is a ZIP archive but not a Word document; ${SUPPORTED}`, nameTheFormat: true }
  }
  // Macros never run on our side, but a .docm renamed to .docx has no business in the pipeline.
  if (names.has('word/vbaProject.bin')) {
    return { reason: 'macro-enabled Word documents are not accepted; save as .docx', nameTheFormat: false }
  }
  return 'docx'
}

/** Null when the bytes are UTF-8 text a parser can read. */
function plainTextProblem(bytes: Uint8Array): NotAResume | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { reason: 'text file is UTF-16; save it as UTF-8', nameTheFormat: false }
  }
  if (bytes.includes(0)) return { reason: `file is binary (contains NUL bytes); ${SUPPORTED}`, nameTheFormat: true }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { reason: `file is not PDF, DOCX or UTF-8 text; ${SUPPORTED}`, nameTheFormat: true }
  }
  let controlChars = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const allowedWhitespace = char === '\t' || char === '\n' || char === '\r' || char === '\f'
    if ((code < 0x20 && !allowedWhitespace) || (code >= 0x7f && code <= 0x9f)) controlChars++
  }
  if (controlChars > text.length * MAX_CONTROL_CHAR_RATIO) {
    return { reason: `file has too many control characters to be plain text; ${SUPPORTED}`, nameTheFormat: true }
  }
  if (text.trim() === '') return { reason: 'text file has no visible content', nameTheFormat: false }
  return null
}

/** Names what an unsupported upload actually is, or undefined when file-type does not know it either. */
async function describeOtherFormat(bytes: Uint8Array): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(bytes)
  if (detected === undefined) return undefined
  if (detected.ext in RESUME_MIME_TYPES) return `file looks like ${detected.ext.toUpperCase()} but its structure is invalid`
  if (detected.ext === 'exe' || detected.ext === 'elf' || detected.ext === 'macho') {
    return `file is an executable program (${detected.mime}); ${SUPPORTED}`
  }
  if (detected.mime.startsWith('image/')) return `file is an image (${detected.ext}); ${SUPPORTED}`
  if (detected.ext === 'cfb') return 'legacy Microsoft Office files (.doc) are not accepted; save as .docx or PDF'
  return `file is ${detected.ext.toUpperCase()} (${detected.mime}); ${SUPPORTED}`
}
