import type { ResumeProfile } from '#shared/schemas/resume-profile.ts'
import type { Block } from '../documents/render-pdf.ts'
import { byRelevance, type JobFocus, splitSkills } from '../documents/job-relevance.ts'

export interface TailoredResume {
  blocks: Block[]
  /** the resume's skills the job asks for, as printed first */
  matched_skills: string[]
}

/**
 * A resume tailored to one job without inventing anything: every line printed comes from the
 * parsed resume. Tailoring is order and emphasis only — the skills the job asks for lead the
 * skills section, and within each role, project list and certification list the lines that
 * speak to the job come first. Roles stay in the resume's (chronological) order, because
 * reordering a work history misleads. The one added line says which role it was prepared for.
 */
export function tailorResume(profile: ResumeProfile, job: { title: string; company: string }, focus: JobFocus): TailoredResume {
  const { contact } = profile
  const blocks: Block[] = []
  blocks.push({ kind: 'title', text: contact.full_name ?? 'Resume' })
  const reach = [contact.email, contact.phone, contact.location].filter((part): part is string => !!part)
  if (reach.length > 0) blocks.push({ kind: 'subtitle', text: reach.join('  |  ') })
  blocks.push({ kind: 'subtitle', text: `Prepared for the ${job.title} role at ${job.company}` })
  if (profile.summary) blocks.push({ kind: 'heading', text: 'Summary' }, { kind: 'paragraph', text: profile.summary })

  const skills = splitSkills(profile, focus)
  if (skills.matched.length + skills.other.length > 0) {
    blocks.push({ kind: 'heading', text: 'Skills' })
    if (skills.matched.length > 0) blocks.push({ kind: 'paragraph', text: `Relevant to this role: ${skills.matched.join(', ')}` })
    if (skills.other.length > 0) blocks.push({ kind: 'paragraph', text: `${skills.matched.length > 0 ? 'Also: ' : ''}${skills.other.join(', ')}` })
  }
  if (profile.experience.length > 0) {
    blocks.push({ kind: 'heading', text: 'Experience' })
    for (const role of profile.experience) {
      const where = [role.title, role.company].filter((part) => part.trim() !== '').join(' - ')
      blocks.push({ kind: 'paragraph', text: role.dates ? `${where} (${role.dates})` : where })
      for (const bullet of byRelevance(role.bullets, focus)) blocks.push({ kind: 'bullet', text: bullet })
      blocks.push({ kind: 'gap' })
    }
  }
  const list = (heading: string, items: readonly string[]) => {
    if (items.length === 0) return
    blocks.push({ kind: 'heading', text: heading })
    for (const item of byRelevance(items, focus)) blocks.push({ kind: 'bullet', text: item })
  }
  list('Projects', profile.projects)
  if (profile.education.length > 0) {
    blocks.push({ kind: 'heading', text: 'Education' })
    for (const e of profile.education) {
      const line = [e.degree, e.institution].filter((part) => part.trim() !== '').join(', ')
      blocks.push({ kind: 'bullet', text: e.year === null ? line : `${line} (${e.year})` })
    }
  }
  list('Certifications', profile.certifications)
  return { blocks, matched_skills: skills.matched }
}
