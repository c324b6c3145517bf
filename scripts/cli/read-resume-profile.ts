import { basename } from 'node:path'
import { CliError } from '#shared/cli/cli-error.ts'
import { detectResumeType } from '../../server1/resume/detect-resume-type.ts'
import { extractResumeText } from '../../server2/agents/resume-parse/extract-resume-text.ts'
import { parseResume } from '../../server2/agents/resume-parse/parse-resume.ts'

/** A resume file read as an upload is (the content decides the type), parsed as Agent 3 does; an unreadable file is a CliError. */
export async function readResumeProfile(path: string) {
  const file = Bun.file(path)
  if (!(await file.exists())) throw new CliError(`file not found: ${path}`)
  const bytes = new Uint8Array(await file.arrayBuffer())
  // a PDF named .docx is still read as a PDF
  const type = await detectResumeType(bytes, basename(path))
  if ('error' in type) throw new CliError(type.error)
  const text = await extractResumeText(bytes, type.mime).catch((error: unknown) => {
    throw new CliError(error instanceof Error ? error.message : String(error))
  })
  return parseResume(text)
}
