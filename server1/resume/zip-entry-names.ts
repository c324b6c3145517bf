/**
 * Lists the entry names of a ZIP archive by reading its central directory
 * (the authoritative index at the end of the file), without inflating
 * anything. Used to tell a DOCX from any other ZIP: a renamed .zip/.xlsx only
 * fails this if we read the real index rather than trusting the first local
 * header.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const CENTRAL_FILE_HEADER = 0x02014b50
const EOCD_BYTES = 22
const CENTRAL_HEADER_BYTES = 46
const MAX_COMMENT_BYTES = 0xffff
/** A resume has a few dozen entries; thousands means something else (or a zip bomb index). */
const MAX_ENTRIES = 5000

export function zipEntryNames(bytes: Uint8Array): { names: string[] } | { error: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = findEndOfCentralDirectory(view)
  if (eocd === -1) return { error: 'ZIP end-of-central-directory record not found (truncated or not a ZIP)' }

  const thisDisk = view.getUint16(eocd + 4, true)
  const directoryDisk = view.getUint16(eocd + 6, true)
  const entryCount = view.getUint16(eocd + 10, true)
  const directorySize = view.getUint32(eocd + 12, true)
  const directoryOffset = view.getUint32(eocd + 16, true)
  if (thisDisk !== 0 || directoryDisk !== 0) return { error: 'multi-part ZIP archives are not supported' }
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) return { error: 'ZIP64 archives are not supported' }
  if (entryCount > MAX_ENTRIES) return { error: `ZIP has ${entryCount} entries, more than ${MAX_ENTRIES}` }
  if (directoryOffset + directorySize > eocd) return { error: 'ZIP central directory points outside the file' }

  const decoder = new TextDecoder('utf-8')
  const names: string[] = []
  let cursor = directoryOffset
  for (let index = 0; index < entryCount; index++) {
    if (cursor + CENTRAL_HEADER_BYTES > eocd || view.getUint32(cursor, true) !== CENTRAL_FILE_HEADER) {
      return { error: `ZIP central directory entry ${index + 1} is damaged` }
    }
    const nameLength = view.getUint16(cursor + 28, true)
    const extraLength = view.getUint16(cursor + 30, true)
    const commentLength = view.getUint16(cursor + 32, true)
    const nameStart = cursor + CENTRAL_HEADER_BYTES
    const next = nameStart + nameLength + extraLength + commentLength
    if (next > eocd) return { error: `ZIP central directory entry ${index + 1} runs past the directory` }
    names.push(decoder.decode(bytes.subarray(nameStart, nameStart + nameLength)))
    cursor = next
  }
  return { names }
}

/**
 * The EOCD record sits at the very end, after an optional comment of up to
 * 64 KB; scan backwards and accept only a record whose comment length
 * reaches exactly to the end of the file (a signature inside file data would not).
 */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_BYTES
  const first = Math.max(0, last - MAX_COMMENT_BYTES)
  for (let position = last; position >= first; position--) {
    if (
      view.getUint32(position, true) === END_OF_CENTRAL_DIRECTORY &&
      position + EOCD_BYTES + view.getUint16(position + 20, true) === view.byteLength
    ) {
      return position
    }
  }
  return -1
}
