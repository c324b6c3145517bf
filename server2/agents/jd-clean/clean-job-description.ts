import type { JobStructure } from '../../../shared/schemas/job-structure.ts'
import { contentHash, normalizeForHash } from './content-hash.ts'
import { detectEmploymentType } from './detect-employment-type.ts'
import { detectLocations } from './detect-locations.ts'
import { detectSeniority } from './detect-seniority.ts'
import { detectWorkMode } from './detect-work-mode.ts'
import { extractSkills } from './extract-skills.ts'
import { findApplyEmail } from './find-apply-email.ts'
import { normalizeCompanyName } from './normalize-company.ts'
import { normalizeTitle } from './normalize-title.ts'
import { parseExperience } from './parse-experience.ts'
import { parseSalary } from './parse-salary.ts'
import { joinSections, type Section, splitSections } from './split-sections.ts'
import { stripBoilerplate } from './strip-boilerplate.ts'
import { toPlainText } from './to-plain-text.ts'

export interface RawJob {
  title: string
  company: string
  /** the board's location field, when the scraper captured one */
  location_text?: string | null
  /** the posting as scraped: board HTML or plain text */
  raw_jd: string
  /** the board it came from; cleaning is the same for every board, so this is carried for the caller's records */
  source?: string
}

export interface CleanedJob {
  clean_text: string
  structure: JobStructure
  content_hash: string
}

/**
 * Agent 7's work on one posting, without I/O: HTML or text in, clean text,
 * structured fields and a repost-stable hash out. Fields that pay, place or
 * apply-address a job are read from the whole posting (a salary may sit under
 * "Benefits", an address under "How to apply"); skills and experience only
 * from the role text, so an "About us" section's numbers and stack do not
 * count as asks.
 */
export function cleanJobDescription(input: RawJob): CleanedJob {
  const title = input.title.replace(/\s+/g, ' ').trim()
  const title_normalized = normalizeTitle(title)
  const fullText = toPlainText(input.raw_jd)
  const sections = splitSections(fullText)
  const kept = withoutHeaderRepeats(stripBoilerplate(sections), title_normalized, input.company)
  const clean_text = joinSections(kept)
  const roleText = joinSections(kept.filter((s) => s.kind !== 'about_company'))
  const placeText = joinSections(sections.filter((s) => s.kind !== 'about_company'))

  const experience = parseExperience(roleText)
  const salary = parseSalary(fullText)
  const employment_type = detectEmploymentType({ title, text: roleText })
  const skills = extractSkills(title, kept)
  const structure: JobStructure = {
    title,
    title_normalized,
    seniority: detectSeniority({ title: title_normalized, experience_min_years: experience.min, employment_type }),
    required_skills: skills.required,
    nice_to_have_skills: skills.nice_to_have,
    experience_min_years: experience.min,
    experience_max_years: experience.max,
    salary_min_inr: salary.min,
    salary_max_inr: salary.max,
    salary_is_monthly_stipend: salary.monthly,
    locations: detectLocations({ location_text: input.location_text, title, role_text: placeText }),
    work_mode: detectWorkMode({ location_text: input.location_text, title, text: fullText }),
    employment_type,
    apply_email: findApplyEmail(fullText),
  }
  return { clean_text, structure, content_hash: contentHash({ company: input.company, title_normalized, clean_text }) }
}

/**
 * Drops the title and company where the posting repeats them as its first
 * lines or heading: some boards print them inside the description and others
 * do not, and the same job should read (and hash) the same from both.
 */
function withoutHeaderRepeats(sections: Section[], titleNormalized: string, company: string): Section[] {
  const titleKey = normalizeForHash(titleNormalized)
  const companyKey = normalizeCompanyName(company)
  const isHeader = (line: string) =>
    normalizeForHash(normalizeTitle(line)) === titleKey || (companyKey !== '' && normalizeCompanyName(line) === companyKey)
  return sections
    .map((s, i) => {
      if (i > 1) return s
      const heading = s.heading !== null && isHeader(s.heading) ? null : s.heading
      const firstContent = s.lines.findIndex((l) => l !== '' && !isHeader(l))
      const lines = firstContent === -1 ? [] : s.lines.slice(firstContent)
      return { ...s, heading, lines }
    })
    .filter((s) => s.heading !== null || s.lines.length > 0)
}
