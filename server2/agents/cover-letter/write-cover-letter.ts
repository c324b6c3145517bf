import type { ResumeProfile } from '#shared/schemas/resume-profile.ts'
import { byRelevance, type JobFocus, splitSkills } from '../documents/job-relevance.ts'

export const MAX_WORDS = 300
const SKILLS_NAMED = 5
const EVIDENCE_LINES = 2

export interface CoverLetter {
  paragraphs: string[]
  text: string
  matched_skills: string[]
}

const wordCount = (text: string): number => text.split(/\s+/).filter((w) => w !== '').length

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

function years(profile: ResumeProfile): string | null {
  const y = Math.floor(profile.total_experience_years)
  return y >= 1 ? `${y} year${y === 1 ? '' : 's'}` : null
}

/** "Built X" → "built X": a resume bullet read as part of a sentence. */
function asClause(bullet: string): string {
  const trimmed = bullet.replace(/[.;]+$/, '').trim()
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed
}

/**
 * A cover letter specific to one job, written only from the resume: the company and role, the
 * resume's skills the job asks for, the two resume lines most relevant to the job as evidence,
 * and the notice period when stated. Paragraphs are dropped from the least essential up if the
 * letter would exceed 300 words.
 */
export function writeCoverLetter(profile: ResumeProfile, job: { title: string; company: string }, focus: JobFocus): CoverLetter {
  const name = profile.contact.full_name ?? ''
  const latest = profile.experience[0]
  const { matched } = splitSkills(profile, focus)
  const experience = years(profile)
  const opening =
    `I am writing to apply for the ${job.title} role at ${job.company}.` +
    (latest && latest.title && latest.company
      ? ` I am currently ${latest.end === null ? 'working' : 'most recently worked'} as ${latest.title} at ${latest.company}${experience ? `, with ${experience} of experience` : ''}.`
      : experience
        ? ` I bring ${experience} of experience.`
        : '')
  const skills =
    matched.length > 0
      ? `Your posting asks for ${listed(matched.slice(0, SKILLS_NAMED))}, which I use in my work${matched.length > SKILLS_NAMED ? `, along with ${listed(matched.slice(SKILLS_NAMED, SKILLS_NAMED + 3))}` : ''}.`
      : null
  const evidence = profile.experience
    .flatMap((role) => role.bullets.map((bullet) => ({ role, bullet })))
    .filter(({ bullet }) => bullet.trim() !== '')
  const best = byRelevance(
    evidence.map((e) => e.bullet),
    focus,
  ).slice(0, EVIDENCE_LINES)
  const proof =
    best.length > 0
      ? best
          .map((bullet) => {
            const role = evidence.find((e) => e.bullet === bullet)?.role
            return role?.company ? `At ${role.company}, I ${asClause(bullet)}.` : `I ${asClause(bullet)}.`
          })
          .join(' ')
      : null
  const notice =
    profile.notice_period_days === null
      ? null
      : profile.notice_period_days === 0
        ? 'I can join immediately.'
        : `My notice period is ${profile.notice_period_days} days.`
  const closing = `I would welcome the chance to discuss how I can contribute to ${job.company}.${notice ? ` ${notice}` : ''} Thank you for your time and consideration.`
  const contact = [profile.contact.email, profile.contact.phone].filter((part): part is string => !!part).join(' | ')
  const signoff = ['Sincerely,', name, contact].filter((line) => line !== '').join('\n')

  // Essential first; optional paragraphs are dropped (evidence before skills) if over the limit.
  const essential = [`Dear Hiring Team at ${job.company},`, opening]
  let body = [skills, proof].filter((p): p is string => p !== null)
  const assemble = () => [...essential, ...body, closing, signoff]
  while (body.length > 0 && wordCount(assemble().join('\n\n')) > MAX_WORDS) body = body.slice(0, -1)
  const paragraphs = assemble()
  return { paragraphs, text: paragraphs.join('\n\n'), matched_skills: matched }
}
