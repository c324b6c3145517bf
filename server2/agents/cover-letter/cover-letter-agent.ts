import { defineAgent } from '#shared/agents/agent-implementation.ts'
import { storageFromConfig } from '#shared/storage/storage-from-config.ts'
import { jobFocus } from '../documents/job-relevance.ts'
import { loadApplicationContext } from '../documents/load-application-context.ts'
import { renderPdf } from '../documents/render-pdf.ts'
import { writeCoverLetter } from './write-cover-letter.ts'

/**
 * Agent 11: a cover letter for the application's job (≤ 300 words, from the resume only), stored
 * as PDF and as text beside it (email applies paste the text), with the PDF path written to the
 * application. Paths are fixed per application, so a retry overwrites the same files.
 */
export const coverLetterAgent = defineAgent('cover-letter', {
  async run(input, ctx) {
    const app = await loadApplicationContext(ctx.sql, input.application_id)
    const letter = writeCoverLetter(app.profile, app, jobFocus(app))
    const name = app.profile.contact.full_name ?? app.user_name ?? 'Talvix user'
    const pdf = await renderPdf(
      letter.paragraphs.flatMap((p) => [...p.split('\n').map((line) => ({ kind: 'paragraph' as const, text: line })), { kind: 'gap' as const }]),
      { title: `Cover letter - ${app.title}, ${app.company}`, author: name },
    )
    const base = `cover-letters/${app.user_id}/${input.application_id}`
    const storage = storageFromConfig(ctx.config)
    await storage.put(`${base}.txt`, new TextEncoder().encode(letter.text), 'text/plain; charset=utf-8')
    await storage.put(`${base}.pdf`, pdf, 'application/pdf')
    const path = `${base}.pdf`
    await ctx.sql`UPDATE job_applications SET cover_letter_path = ${path}, updated_at = now() WHERE id = ${input.application_id}`
    ctx.log.info({ application_id: input.application_id, path, words: letter.text.split(/\s+/).length }, 'cover letter stored')
    return { output: { path, text_path: `${base}.txt`, matched_skills: letter.matched_skills } }
  },
})
