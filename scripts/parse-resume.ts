/**
 * Operator CLI: `bun run parse-resume FILE` (PDF, DOCX or TXT) prints the
 * profile Agent 3 would store, as one JSON document. No database needed.
 * Failures print {"error": "..."} on stderr and exit 1.
 */
import { basename } from 'node:path'
import { detectResumeType } from '../server1/resume/detect-resume-type.ts'
import { extractResumeText } from '../server2/agents/resume-parse/extract-resume-text.ts'
import { parseResume } from '../server2/agents/resume-parse/parse-resume.ts'

function fail(message: string, exitCode = 1): never {
  console.error(JSON.stringify({ error: message }))
  process.exit(exitCode)
}

const path = process.argv[2]
if (!path) fail('usage: bun run parse-resume FILE  (PDF, DOCX or TXT)', 2)
const file = Bun.file(path)
if (!(await file.exists())) fail(`file not found: ${path}`)

const bytes = new Uint8Array(await file.arrayBuffer())
// The type is decided by the content, as for uploads: a PDF named .docx is still read as a PDF.
const type = await detectResumeType(bytes, basename(path))
if ('error' in type) fail(type.error)

try {
  const text = await extractResumeText(bytes, type.mime)
  console.log(JSON.stringify(parseResume(text), null, 2))
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
