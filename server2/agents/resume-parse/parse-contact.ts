import type { ResumeProfile } from '../../../shared/schemas/resume-profile.ts'
import { findIndianCity } from './indian-cities.ts'
import { findIndianPhone } from './parse-indian-phone.ts'
import type { ResumeLine } from './resume-lines.ts'

export type Contact = ResumeProfile['contact']

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/

/** Lines that top a resume but are not the person's name. */
const NOT_A_NAME = /\b(?:resume|r[eé]sum[eé]|curriculum|vitae|cv|bio-?data|profile|contact|address|email|e-mail|phone|mobile|linkedin|github|objective|summary)\b/i

/** Words that make a top line a job title ("Senior Software Engineer") rather than a name. */
const TITLE_WORDS = /\b(?:engineer|developer|manager|executive|analyst|consultant|designer|accountant|recruiter|specialist|officer|associate|intern|lead|architect|administrator|marketer|marketing|sales|scientist|professional|fresher|graduate|student|representative|coordinator|director|assistant|technician|teacher|writer|tester|trainee|head|advisor|agent|programmer|expert|strategist|support)\b/i

const LABELLED_NAME = /^\s*(?:full\s+)?name\s*[:\-–]\s*(.+)$/i
const LABELLED_LOCATION =
  /^\s*(?:current\s+|present\s+|preferred\s+)?(?:location|city|address|residence|based\s+(?:in|at)|place)\s*[:\-–]\s*(.+)$/i

/** Title-cases a name typed in capitals ("RAHUL K. SHARMA" → "Rahul K. Sharma"), keeping initials. */
function tidyName(name: string): string {
  const spaced = name.replace(/\s+/g, ' ').replace(/^(?:mr|mrs|ms|miss|dr)\.?\s+/i, '').trim()
  if (spaced !== spaced.toUpperCase()) return spaced
  return spaced
    .split(' ')
    .map((word) => (/^[A-Z](?:\.[A-Z])*\.?$/.test(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ')
}

function looksLikeName(candidate: string): boolean {
  const words = candidate.trim().split(/\s+/)
  if (words.length < 1 || words.length > 5) return false
  if (!/^[\p{L}][\p{L}.' -]*$/u.test(candidate.trim())) return false
  return !NOT_A_NAME.test(candidate) && !TITLE_WORDS.test(candidate)
}

function findName(headerLines: ResumeLine[], allLines: ResumeLine[]): string | null {
  for (const line of allLines) {
    const labelled = LABELLED_NAME.exec(line.text)
    if (labelled?.[1] && looksLikeName(labelled[1].trim())) return tidyName(labelled[1])
  }
  // The name is the first plain line of the header; it often shares the line with a title or contact.
  for (const line of headerLines.slice(0, 8)) {
    const first = line.text.split(/\s*[|•,–—]\s*|\s+-\s+|\s{3,}/)[0]?.trim() ?? ''
    if (first && looksLikeName(first)) return tidyName(first)
  }
  return null
}

function labelledLocation(lines: ResumeLine[]): string | null {
  for (const line of lines) {
    const labelled = LABELLED_LOCATION.exec(line.text)
    if (!labelled?.[1]) continue
    const value = labelled[1].split(/\s*\|\s*|\s{3,}/)[0] ?? ''
    const city = findIndianCity(value)
    if (city) return city
    // Without a known city: a postal address ends with the town, a "Location:" starts with it.
    const places = value.split(/\s*[,;]\s*/).filter((part) => part !== '' && !/\d/.test(part))
    const place = /address|residence/i.test(line.text.slice(0, line.text.indexOf(labelled[1]))) ? places.at(-1) : places[0]
    if (place) return place
  }
  return null
}

/** A labelled or plainly named place in the header first (that is the person's), then a labelled one anywhere. */
function findLocation(headerLines: ResumeLine[], allLines: ResumeLine[]): string | null {
  const header = headerLines.slice(0, 10)
  return labelledLocation(header) ?? findIndianCity(header.map((l) => l.text).join('\n')) ?? labelledLocation(allLines)
}

/**
 * Contact details. The name and an unlabelled location come from the header
 * (the lines above the first heading); labelled fields ("Name:", "Location:")
 * and the email and phone are taken from anywhere, since Indian resumes often
 * keep them in a "Personal Details" block at the end.
 */
export function parseContact(headerLines: ResumeLine[], allLines: ResumeLine[]): Contact {
  const text = allLines.map((l) => l.text).join('\n')
  return {
    full_name: findName(headerLines, allLines),
    email: EMAIL.exec(text)?.[0].toLowerCase() ?? null,
    phone: findIndianPhone(text),
    location: findLocation(headerLines, allLines),
  }
}
