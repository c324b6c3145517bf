import type { ResumeProfile } from '../../../shared/schemas/resume-profile.ts'
import type { ResumeLine } from './resume-lines.ts'

export type EducationEntry = ResumeProfile['education'][number]

/**
 * Degrees by the label we report, in the order they are tried: specific forms
 * before the ones they contain ("B.Tech" before "B.E.", "PGDM" before
 * "Diploma", 12th before 10th because "10+2" is the 12th). Short capital forms
 * ("BE", "CA", "BA") are matched case-sensitively so words like "be" or "ca." in
 * prose are not degrees.
 */
const DEGREES: [label: string, pattern: RegExp][] = [
  ['Ph.D', /\bph\.?\s?d\b|\bdoctorate\b/i],
  ['PGDM', /\bpgdm\b|\bpgdbm\b|\bpost\s*graduate\s+diploma\s+in\s+(?:business\s+)?management\b/i],
  ['MBA', /\bm\.?\s?b\.?\s?a\b|\bmaster\s+of\s+business\s+administration\b/i],
  ['M.Tech', /\bm\.?\s?tech\b|\bmaster\s+of\s+technology\b/i],
  ['M.E.', /\bM\.\s?E\b\.?|\bME\b(?=\s*[(,|\-–]|\s+in\b)|\b[Mm]aster\s+of\s+[Ee]ngineering\b/],
  ['MCA', /\bm\.?\s?c\.?\s?a\b|\bmaster\s+of\s+computer\s+applications?\b/i],
  ['M.Com', /\bm\.?\s?com\b|\bmaster\s+of\s+commerce\b/i],
  ['M.Sc', /\bm\.?\s?sc\b|\bmaster\s+of\s+science\b/i],
  ['M.A.', /\bM\.\s?A\b\.?|\bMA\b(?=\s*[(,|\-–]|\s+in\b)|\b[Mm]aster\s+of\s+[Aa]rts\b/],
  ['B.Tech', /\bb\.?\s?tech\b|\bbachelor\s+of\s+technology\b/i],
  ['B.E.', /\bB\.\s?E\b\.?|\bBE\b|\b[Bb]achelor\s+of\s+[Ee]ngineering\b/],
  ['BCA', /\bb\.?\s?c\.?\s?a\b|\bbachelor\s+of\s+computer\s+applications?\b/i],
  ['B.Com', /\bb\.?\s?com\b|\bbachelor\s+of\s+commerce\b/i],
  ['BBA', /\bb\.?\s?b\.?\s?[am]\b|\bbachelor\s+of\s+business\s+(?:administration|management)\b/i],
  ['B.Sc', /\bb\.?\s?sc\b|\bbachelor\s+of\s+science\b/i],
  ['B.Des', /\bb\.?\s?des\b|\bbachelor\s+of\s+design\b/i],
  ['B.Pharm', /\bb\.?\s?pharm(?:a|acy)?\b|\bbachelor\s+of\s+pharmacy\b/i],
  ['B.Arch', /\bb\.?\s?arch\b|\bbachelor\s+of\s+architecture\b/i],
  ['MBBS', /\bm\.?b\.?b\.?s\b/i],
  ['LLB', /\bll\.?\s?b\b|\bbachelor\s+of\s+laws?\b/i],
  ['B.A.', /\bB\.\s?A\b\.?|\bBA\b|\b[Bb]achelor\s+of\s+[Aa]rts\b/],
  ['CA', /\bCA\b|\b[Cc]hartered\s+[Aa]ccountan(?:t|cy)\b/],
  ['ICWA', /\bicwai?\b|\bicmai\b|\bcost\s+(?:and|&)\s+(?:works|management)\s+accountan/i],
  ['CMA', /\bCMA\b/],
  ['CS', /\bcompany\s+secretary\b/i],
  ['Diploma', /\bdiploma\b|\bpolytechnic\b/i],
  ['12th', /\b(?:12th|xiith|xii|class\s*12|hsc|h\.s\.c|intermediate|senior\s+secondary|higher\s+secondary|10\s*\+\s*2|puc|pre-university)\b|\+2\b/i],
  ['10th', /\b(?:10th|xth|class\s*10|class\s+x|ssc|s\.s\.c|sslc|matriculation|matric|secondary\s+school\s+certificate|high\s+school)\b/i],
]

/** Institution words, with boards last: a school's name says more than "CBSE". */
const INSTITUTION = /\b(?:universit(?:y|ies)|college|institute|institution|iit|nit|iiit|iim|bits|school|vidyalaya|vidyapeeth|vidyapith|mahavidyalaya|vishwavidyalaya|academy|polytechnic|campus|icai|icmai|icwai|vit|srm|nmims|xlri|symbiosis|amity|manipal|lpu|jntuh?|vtu|ignou)\b/i
const BOARD = /\b(?:board|cbse|icse|isc|state\s+board|nios)\b/i
const PART_SEPARATOR = /\s*\|\s*|\s+[–—-]\s+|\s{3,}|\s*,\s*(?=\D)|\s+(?:from|at)\s+|\s*\(\s*|\s*\)\s*/

function findDegree(text: string): { label: string; index: number; length: number } | undefined {
  let best: { label: string; index: number; length: number } | undefined
  for (const [label, pattern] of DEGREES) {
    const match = pattern.exec(text)
    if (match && (!best || match.index < best.index)) best = { label, index: match.index, length: match[0].length }
  }
  return best
}

function findInstitution(text: string): string {
  const parts = text
    .split(PART_SEPARATOR)
    .map((p) => p.replace(/^[\s\-–—:;,.]+|[\s\-–—:;,.]+$/g, '').replace(/^(?:from|at|in)\s+/i, ''))
    .filter((p) => p !== '')
  const named = parts.find((p) => INSTITUTION.test(p) && !findDegree(p))
  return named ?? parts.find((p) => INSTITUTION.test(p) || BOARD.test(p)) ?? ''
}

/** The year of passing: the last year written ("2015 - 2019", "2015-19" and "Expected 2025" all give their end). */
function findYear(text: string, today: Date): number | null {
  const expanded = text.replace(/\b((?:19|20)\d{2})\s*[-–]\s*(\d{2})(?!\d)/g, (_, start: string, yy: string) => `${start} - ${start.slice(0, 2)}${yy}`)
  const years = [...expanded.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0])).filter((y) => y >= 1960 && y <= today.getFullYear() + 6)
  return years.at(-1) ?? null
}

interface Draft {
  label: string
  text: string[]
}

/**
 * Education entries. A line naming a degree starts an entry; the lines around
 * it that name no degree fill in its institution and year — the line before
 * when the institution is written above the degree, the lines after otherwise.
 */
export function parseEducation(lines: ResumeLine[], today: Date): EducationEntry[] {
  const drafts: Draft[] = []
  let pending: string[] = []
  for (const { text } of lines) {
    if (text.trim() === '') continue
    const degree = findDegree(text)
    if (degree) {
      drafts.push({ label: degree.label, text: [...pending, text.slice(0, degree.index) + ' | ' + text.slice(degree.index + degree.length)] })
      pending = []
      continue
    }
    const current = drafts.at(-1)
    const joined = current?.text.join(' | ') ?? ''
    const fillsGap = current && ((findInstitution(text) && !findInstitution(joined)) || (findYear(text, today) && !findYear(joined, today)))
    if (current && fillsGap) current.text.push(text)
    else pending.push(text)
  }
  return drafts.map((draft) => {
    const text = draft.text.join(' | ')
    return { degree: draft.label, institution: findInstitution(text), year: findYear(text, today) }
  })
}
