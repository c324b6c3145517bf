import { defineAgent, hop, PermanentAgentError } from '#shared/agents/agent-implementation.ts'
import { FileNotFoundError } from '#shared/storage/file-storage.ts'
import { storageFromConfig } from '#shared/storage/storage-from-config.ts'
import { extractResumeText, NoExtractableTextError, type ResumeMime } from './extract-resume-text.ts'
import { parseResume } from './parse-resume.ts'
import { notifyResumeParseFailed } from './notify-resume-parse-failed.ts'

interface ResumeRow {
  user_id: string
  storage_path: string
  mime_type: ResumeMime
}

/**
 * Agent 3: reads the uploaded file from storage, extracts and parses it, stores the profile and
 * fans out the onboarding siblings (the join flips dashboard_ready). A file with no text
 * (scanned, image-only) or a missing file cannot be fixed by retrying: the run fails for good and
 * onFinalFailure tells the user what to upload instead.
 */
export const resumeParseAgent = defineAgent('resume-parse', {
  async run(input, ctx) {
    const [resume] = await ctx.sql<ResumeRow[]>`
      SELECT user_id, storage_path, mime_type FROM resumes WHERE id = ${input.resume_id}`
    if (!resume) throw new PermanentAgentError(`resume ${input.resume_id} not found`)

    let text: string
    try {
      const bytes = await storageFromConfig(ctx.config).get(resume.storage_path)
      text = await extractResumeText(bytes, resume.mime_type)
    } catch (error) {
      if (error instanceof NoExtractableTextError) throw new PermanentAgentError(error.message)
      if (error instanceof FileNotFoundError) throw new PermanentAgentError(`resume file missing: ${error.path}`)
      throw error
    }
    const profile = parseResume(text)
    await ctx.sql`
      UPDATE resumes SET status = 'parsed', profile = ${ctx.sql.json(profile as never)}, parsed_at = now(), parse_error = NULL
       WHERE id = ${input.resume_id}`
    ctx.log.info(
      { resume_id: input.resume_id, skills: profile.skills.length, roles: profile.experience.length, years: profile.total_experience_years },
      'resume parsed',
    )

    const reason = `resume:${input.resume_id}`
    return {
      output: { user_id: resume.user_id, skills: profile.skills.length, total_experience_years: profile.total_experience_years },
      fanout: {
        joinKey: `onboarding:${input.resume_id}`,
        kind: 'onboarding',
        userId: resume.user_id,
        hops: [
          hop('skill-gap', { user_id: resume.user_id, reason }),
          hop('career-intel', { user_id: resume.user_id, reason }),
          hop('fit-score', { mode: 'full_scan', user_id: resume.user_id, reason }),
        ],
      },
    }
  },
  onFinalFailure: (input, error, ctx) => notifyResumeParseFailed(ctx.sql, input.resume_id, error),
})
