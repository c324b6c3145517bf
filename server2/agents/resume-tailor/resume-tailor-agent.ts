import { defineAgent } from '#shared/agents/agent-implementation.ts'
import { storageFromConfig } from '#shared/storage/storage-from-config.ts'
import { jobFocus } from '../documents/job-relevance.ts'
import { loadApplicationContext } from '../documents/load-application-context.ts'
import { renderPdf } from '../documents/render-pdf.ts'
import { tailorResume } from './tailor-resume.ts'

/**
 * Agent 10: a resume reordered and emphasised for the application's job (nothing invented),
 * rendered to PDF, stored, and its path written to the application. The path is fixed per
 * application, so a retry overwrites the same file.
 */
export const resumeTailorAgent = defineAgent('resume-tailor', {
  async run(input, ctx) {
    const app = await loadApplicationContext(ctx.sql, input.application_id)
    const tailored = tailorResume(app.profile, app, jobFocus(app))
    const pdf = await renderPdf(tailored.blocks, {
      title: `${app.profile.contact.full_name ?? 'Resume'} - ${app.title}, ${app.company}`,
      author: app.profile.contact.full_name ?? app.user_name ?? 'Talvix user',
    })
    const path = `tailored/${app.user_id}/${input.application_id}.pdf`
    await storageFromConfig(ctx.config).put(path, pdf, 'application/pdf')
    await ctx.sql`UPDATE job_applications SET tailored_resume_path = ${path}, updated_at = now() WHERE id = ${input.application_id}`
    ctx.log.info({ application_id: input.application_id, path, matched_skills: tailored.matched_skills.length }, 'tailored resume stored')
    return { output: { path, matched_skills: tailored.matched_skills } }
  },
})
