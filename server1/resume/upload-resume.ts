import { createHash, randomUUID } from 'node:crypto'
import { hop } from '#shared/agents/agent-implementation.ts'
import type { Server1Deps } from '../server1-deps.ts'
import { recordHops } from '#shared/agents/record-hops.ts'
import { HttpError, unprocessable } from '#shared/http/http-error.ts'
import { detectResumeType } from './detect-resume-type.ts'
import { payloadTooLarge } from './reject-oversized-body.ts'

export interface ResumeAccepted {
  resume_id: string
  run_id: string
  mime_type: string
  size_bytes: number
  /** true when this upload replaced an earlier active resume (fit scores are now stale) */
  replaced: boolean
}

const MAX_FILE_NAME = 255

/**
 * Stores an uploaded resume and starts Agent 3. The file is written first (under a fresh id,
 * so a failed transaction leaves only an orphan file, never a row without a file); the row,
 * the deactivation of the previous resume, the stale flag and the resume-parse run are one
 * transaction, so a crash cannot leave a resume that never gets parsed.
 */
export async function uploadResume(
  { ctx, storage, engine }: Pick<Server1Deps, 'ctx' | 'storage' | 'engine'>,
  userId: string,
  file: File,
): Promise<ResumeAccepted> {
  const maxBytes = ctx.config.UPLOAD_MAX_BYTES
  if (file.size > maxBytes) throw payloadTooLarge(maxBytes)
  const bytes = new Uint8Array(await file.arrayBuffer())
  const detected = await detectResumeType(bytes, file.name)
  if ('error' in detected) {
    if (bytes.length === 0) throw unprocessable(detected.error, 'file')
    throw new HttpError(415, 'unsupported_media_type', detected.error, 'file')
  }

  const resumeId = randomUUID()
  const storagePath = `resumes/${userId}/${resumeId}.${detected.ext}`
  await storage.put(storagePath, bytes, detected.mime)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const fileName = (file.name || `resume.${detected.ext}`).slice(0, MAX_FILE_NAME)

  try {
    const { replaced, queued } = await ctx.sql.begin(async (tx) => {
      // one upload at a time per user: the "one active resume" index would otherwise race
      await tx`SELECT 1 FROM users WHERE id = ${userId} FOR UPDATE`
      const previous = await tx`UPDATE resumes SET is_active = FALSE WHERE user_id = ${userId} AND is_active RETURNING id`
      await tx`
        INSERT INTO resumes (id, user_id, storage_path, file_name, mime_type, size_bytes, sha256)
        VALUES (${resumeId}, ${userId}, ${storagePath}, ${fileName}, ${detected.mime}, ${bytes.length}, ${sha256})`
      if (previous.length > 0) {
        await tx`UPDATE users SET fit_scores_stale = TRUE, fit_scores_stale_since = now(), updated_at = now() WHERE id = ${userId}`
      }
      const hops = await recordHops(tx, [hop('resume-parse', { resume_id: resumeId })], null, null)
      return { replaced: previous.length > 0, queued: hops }
    })
    engine.fireQueued(queued)
    const runId = queued[0]?.runId
    if (!runId) throw new Error('resume-parse run was not recorded')
    ctx.log.info(
      { user_id: userId, resume_id: resumeId, mime: detected.mime, bytes: bytes.length, extension_matches: detected.extensionMatches },
      'resume uploaded',
    )
    return { resume_id: resumeId, run_id: runId, mime_type: detected.mime, size_bytes: bytes.length, replaced }
  } catch (error) {
    await storage.delete(storagePath).catch((err) => ctx.log.warn({ err, path: storagePath }, 'orphan resume file not removed'))
    throw error
  }
}
