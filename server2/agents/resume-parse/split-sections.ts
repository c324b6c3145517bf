import { isBulletLine, type ResumeLine } from './resume-lines.ts'

/** "header" is everything above the first heading (name, contact); "other" is a known heading we do not parse (hobbies, declaration…). */
export type SectionKind =
  | 'header'
  | 'summary'
  | 'experience'
  | 'education'
  | 'skills'
  | 'projects'
  | 'certifications'
  | 'other'

export interface ResumeSection {
  kind: SectionKind
  /** the heading as written; "" for the header */
  heading: string
  lines: ResumeLine[]
}

/** Headings as written in Indian resumes, after normalising (lowercase, "&" → "and", punctuation dropped). */
const HEADINGS: Record<Exclude<SectionKind, 'header'>, string[]> = {
  summary: [
    'summary', 'professional summary', 'career summary', 'profile summary', 'profile', 'professional profile',
    'career profile', 'career objective', 'objective', 'objectives', 'job objective', 'professional objective',
    'about me', 'about', 'executive summary', 'overview', 'professional overview', 'introduction',
    'summary of experience', 'career overview', 'synopsis', 'profile snapshot', 'brief profile',
  ],
  experience: [
    'experience', 'work experience', 'professional experience', 'work history', 'employment history',
    'employment', 'employment details', 'employment record', 'career history', 'professional history',
    'experience summary', 'experience details', 'work experience details', 'organisational experience',
    'organizational experience', 'work profile', 'job history', 'relevant experience', 'industry experience',
    'internships', 'internship', 'internship experience', 'internships and trainings', 'professional background',
    'career details', 'job profile', 'work summary', 'employment summary', 'corporate experience',
    'professional work experience', 'total work experience', 'experience and achievements',
  ],
  education: [
    'education', 'educational qualification', 'educational qualifications', 'academic qualification',
    'academic qualifications', 'academics', 'academic details', 'academic profile', 'academic background',
    'education details', 'educational details', 'qualification', 'qualifications', 'educational background',
    'scholastic profile', 'scholastics', 'academic credentials', 'education and training', 'academic record',
    'educational profile', 'academia', 'education background', 'academic achievements and qualifications',
  ],
  skills: [
    'skills', 'technical skills', 'key skills', 'core skills', 'core competencies', 'core competency',
    'competencies', 'key competencies', 'areas of expertise', 'area of expertise', 'expertise', 'skill set',
    'skillset', 'skill sets', 'technical proficiency', 'it skills', 'computer skills', 'software skills',
    'tools', 'tools and technologies', 'technologies', 'tech stack', 'technical expertise', 'functional skills',
    'soft skills', 'skills and abilities', 'professional skills', 'computer proficiency', 'software proficiency',
    'technical knowledge', 'technical skill set', 'skills summary', 'skill highlights', 'key skill',
    'it proficiency', 'software knowledge', 'computer knowledge', 'technical competencies', 'domain skills',
    'key strengths', 'strengths', 'skills and tools', 'software exposure', 'technical exposure', 'primary skills',
  ],
  projects: [
    'projects', 'project', 'academic projects', 'academic project', 'key projects', 'personal projects',
    'project details', 'major projects', 'major project', 'project experience', 'project work',
    'projects undertaken', 'mini project', 'mini projects', 'final year project', 'projects handled',
    'notable projects', 'projects done', 'project profile', 'live projects', 'capstone project',
  ],
  certifications: [
    'certifications', 'certification', 'certificates', 'certificate courses', 'certifications and trainings',
    'certifications and training', 'trainings', 'training', 'courses', 'licenses and certifications',
    'professional certifications', 'training and certifications', 'trainings and certifications',
    'online courses', 'courses and certifications', 'additional qualifications', 'professional training',
    'workshops and certifications', 'certification courses', 'trainings attended', 'technical certifications',
  ],
  other: [
    'personal details', 'personal information', 'personal profile', 'personal data', 'personal dossier',
    'personal particulars', 'declaration', 'hobbies', 'interests', 'hobbies and interests', 'languages',
    'languages known', 'language known', 'linguistic proficiency', 'achievements', 'awards',
    'achievements and awards', 'awards and achievements', 'awards and recognition', 'accomplishments',
    'honors and awards', 'extra curricular activities', 'extracurricular activities', 'co curricular activities',
    'extra curricular', 'positions of responsibility', 'position of responsibility', 'references', 'reference',
    'publications', 'volunteer experience', 'volunteering', 'contact', 'contact details', 'contact information',
    'additional information', 'other details', 'other information', 'salary details', 'compensation',
    'current compensation', 'hobbies and activities', 'activities', 'social activities', 'passport details',
  ],
}

const KIND_BY_HEADING = new Map<string, Exclude<SectionKind, 'header'>>(
  Object.entries(HEADINGS).flatMap(([kind, names]) =>
    names.map((name) => [name, kind as Exclude<SectionKind, 'header'>] as const),
  ),
)

/**
 * "Objective: To work…", "Key Skills: Java, SQL" put the section on the
 * heading's own line. Only these kinds may do that: a detail line such as
 * "Experience: 5 years" or "Tools: Jira" inside an entry must not open a section.
 */
const INLINE_KINDS = new Set<SectionKind>(['summary', 'skills', 'certifications', 'other'])
const INLINE_EXCLUDED = new Set(['languages', 'language', 'tools', 'technologies', 'tech stack', 'training', 'courses', 'about', 'contact', 'reference', 'references', 'activities', 'profile', 'expertise'])

function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[&/]/g, ' and ')
    .replace(/[^a-z]+/g, ' ')
    .trim()
}

function kindOfHeading(normalized: string): Exclude<SectionKind, 'header'> | undefined {
  const exact = KIND_BY_HEADING.get(normalized)
  if (exact) return exact
  // "Skills and Certifications", "Education / Trainings": the first part names the section.
  const first = normalized.split(' and ')[0]
  return first === undefined || first === normalized ? undefined : KIND_BY_HEADING.get(first)
}

/**
 * Salary, notice period and personal particulars are often written as loose
 * "Label: value" lines at the very end, after the last heading; they must not
 * become certifications or projects, so each opens an "other" section.
 */
const PERSONAL_DETAIL =
  /^\s*((?:current|present|expected|last\s+drawn)?\s*(?:ctc|salary|package)|notice\s*period|date\s+of\s+birth|d\.?o\.?b|nationality|marital\s+status|gender|father'?s\s+name|passport(?:\s+no)?|languages\s+known|pan(?:\s+no)?|place)\s*[:\-–]/i

/** The section a line opens, and what follows the heading on that line. */
function parseHeadingLine(
  text: string,
): { kind: Exclude<SectionKind, 'header'>; heading: string; rest: string; personalDetail?: true } | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  // Decorations around headings: "1. EDUCATION", "■ Skills", "—— EXPERIENCE ——", "WORK HISTORY:".
  const withoutLead = trimmed.replace(/^(?:[\p{P}\p{S}\s]|\d{1,2}[.)])+/u, '')
  const undecorated = withoutLead.replace(/[\p{P}\p{S}\s]+$/u, '')
  const whole = normalizeHeading(undecorated)
  if (undecorated.length <= 60 && whole.split(' ').length <= 6) {
    const kind = kindOfHeading(whole)
    // "Contact: 98765 43210" is a detail line, not the "Contact" heading.
    if (kind && !/[,|@\d]/.test(undecorated)) return { kind, heading: undecorated, rest: '' }
  }
  const detail = PERSONAL_DETAIL.exec(trimmed)
  if (detail?.[1]) return { kind: 'other', heading: detail[1].trim(), rest: trimmed, personalDetail: true }
  const inline = /^([A-Za-z][A-Za-z &/'-]{1,40}?)\s*[:\-–—]\s+(.+)$/.exec(withoutLead)
  if (inline && !isBulletLine(trimmed)) {
    const name = normalizeHeading(inline[1] ?? '')
    const kind = KIND_BY_HEADING.get(name)
    if (kind && INLINE_KINDS.has(kind) && !INLINE_EXCLUDED.has(name)) {
      return { kind, heading: (inline[1] ?? '').trim(), rest: inline[2] ?? '' }
    }
  }
  return undefined
}

/**
 * Cuts the resume at its headings. Headings are recognised by name (many
 * variants), not by formatting, because extracted text keeps no fonts.
 */
export function splitSections(lines: ResumeLine[]): ResumeSection[] {
  const sections: ResumeSection[] = [{ kind: 'header', heading: '', lines: [] }]
  for (const line of lines) {
    const heading = parseHeadingLine(line.text)
    // In the header, "DOB: …" or "Location: …" lines are contact details, not the end of the header.
    if (!heading || (heading.personalDetail && sections.at(-1)?.kind === 'header')) {
      sections.at(-1)?.lines.push(line)
      continue
    }
    const section: ResumeSection = { kind: heading.kind, heading: heading.heading, lines: [] }
    if (heading.rest) {
      const restOffset = line.offset + line.text.lastIndexOf(heading.rest)
      section.lines.push({ text: heading.rest, offset: restOffset })
    }
    sections.push(section)
  }
  return sections
}
