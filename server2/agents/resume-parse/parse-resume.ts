import type { ResumeProfile } from '../../../shared/schemas/resume-profile.ts'
import { normalizeResumeText } from './normalize-resume-text.ts'
import { parseContact } from './parse-contact.ts'
import { parseCtc } from './parse-ctc.ts'
import { parseEducation } from './parse-education.ts'
import { parseExperience } from './parse-experience.ts'
import { parseNoticePeriod } from './parse-notice-period.ts'
import { toResumeLines } from './resume-lines.ts'
import { listItems, projectItems } from './section-items.ts'
import { findSkillsWithEvidence } from './skill-evidence.ts'
import { splitSections, type SectionKind } from './split-sections.ts'
import { statedExperienceYears, totalExperienceYears } from './total-experience.ts'

export interface ParseResumeOptions {
  /** The date "Present" and "till date" mean; defaults to now. */
  today?: Date
}

/**
 * Agent 3's resume intelligence: resume text (from extractResumeText) to the
 * structured profile. Pure and deterministic for a given `today`.
 */
export function parseResume(text: string, options: ParseResumeOptions = {}): ResumeProfile {
  const today = options.today ?? new Date()
  const normalized = normalizeResumeText(text)
  const lines = toResumeLines(normalized)
  const sections = splitSections(lines)
  const linesOf = (kind: SectionKind) => sections.filter((s) => s.kind === kind).flatMap((s) => s.lines)

  const experience = parseExperience(linesOf('experience'), today)
  const summary = linesOf('summary').map((l) => l.text.trim()).filter((t) => t !== '').join(' ')
  const ctc = parseCtc(normalized)
  return {
    contact: parseContact(linesOf('header'), lines),
    summary: summary || null,
    experience,
    education: parseEducation(linesOf('education'), today),
    skills: findSkillsWithEvidence(normalized, sections),
    projects: projectItems(linesOf('projects'), today),
    certifications: listItems(linesOf('certifications')),
    // A stated total is only a fallback: dates are checkable, a claim is not.
    total_experience_years: experience.some((e) => e.start !== null)
      ? totalExperienceYears(experience, today)
      : (statedExperienceYears(normalized) ?? 0),
    current_ctc_inr: ctc.current_ctc_inr,
    expected_ctc_inr: ctc.expected_ctc_inr,
    notice_period_days: parseNoticePeriod(normalized),
  }
}
