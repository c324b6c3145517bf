import { Elysia, t } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { rejectOversizedBody } from '../../../resume/reject-oversized-body.ts'
import { uploadResume } from '../../../resume/upload-resume.ts'
import type { Server1Deps } from '../../../server1-deps.ts'

const ResumeAccepted = t.Object({
  resume_id: t.String({ format: 'uuid' }),
  run_id: t.String({ format: 'uuid', description: 'the resume-parse (Agent 3) run' }),
  mime_type: t.String(),
  size_bytes: t.Integer(),
  replaced: t.Boolean({ description: 'an earlier resume was replaced; fit scores are now stale' }),
})

/** Multipart upload (field `file`): PDF, DOCX or UTF-8 text, decided by content. */
export default (deps: Server1Deps) =>
  new Elysia().use(requireUser(deps.verifyToken, deps.ctx.sql)).post(
    '/api/resume/upload',
    async ({ userId, body, set }) => {
      const accepted = await uploadResume(deps, userId, body.file)
      set.status = 202
      return accepted
    },
    {
      parse: rejectOversizedBody(deps.ctx.config.UPLOAD_MAX_BYTES),
      body: t.Object({ file: t.File() }),
      response: { 202: ResumeAccepted, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Upload a resume (multipart field "file"); starts resume parsing' },
    },
  )
