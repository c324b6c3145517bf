import type { ExperienceEntry } from '../../../shared/schemas/resume-profile.ts'
import { findDateRange } from './parse-date-range.ts'
import { isBulletLine, isHeaderLike, stripBullet, type ResumeLine } from './resume-lines.ts'
import { companyScore, isPlace, titleScore } from './title-or-company.ts'

/** Sub-headings inside an entry; they are neither title, company nor a bullet. */
const SUB_HEADING = /^(?:key\s+|major\s+|roles?\s+(?:and|&)\s+)?(?:responsibilities|achievements|accomplishments|highlights|deliverables|projects?|job\s+profile|work\s+profile)\s*:?$/i
/** Dated lines about a project or client inside a job: they belong to the job above, they are not jobs. */
const PROJECT_LINE = /^\s*(?:project(?:\s+(?:name|title))?|client|assignment)\b/i
/** Time out of work is written like a job ("Career Break   Jun 2014 - Dec 2021") but is not one. */
const CAREER_BREAK = /\b(?:career\s+break|career\s+gap|sabbatical|break\s+in\s+career)\b/i
const TITLE_LABEL = /^(?:designation|role|position|job\s+title|title|profile)\s*[:\-–]\s*(.+)$/i
const COMPANY_LABEL = /^(?:company(?:\s+name)?|organi[sz]ation|employer|firm|current\s+employer)\s*[:\-–]\s*(.+)$/i
/** "Working as Sales Executive with Bajaj Finance", "Worked at Infosys as Systems Engineer" */
const AS_TITLE_WITH_COMPANY =
  /\b(?:work(?:ing|ed)?|employed|serv(?:ing|ed)|associated|engaged|joined)\s+as\s+(?:an?\s+)?(.+?)\s+(?:with|at|in|for)\s+(?:m\/s\.?\s*)?(.+)$/i
const WITH_COMPANY_AS_TITLE =
  /\b(?:work(?:ing|ed)?|employed|serv(?:ing|ed)|associated|engaged|joined)\s+(?:with|at|in|for)\s+(?:m\/s\.?\s*)?(.+?)\s+as\s+(?:an?\s+)?(.+)$/i

/** Separators between title, company and place on a header line. */
const PART_SEPARATOR = /\s*\|\s*|\s+[–—-]\s+|\s{3,}|\s*,\s*|\s+at\s+|\s*@\s*|\s*•\s*/

/** Abbreviations whose full stop is part of the name: "Bajaj Finance Ltd.", "Krishna & Co." */
const ABBREVIATION_END = /\b(?:ltd|pvt|co|inc|corp|bros|intl|jr|sr)\.$/i

function cleanPart(part: string): string {
  let cleaned = part.replace(/\s+/g, ' ').trim()
  for (let previous = ''; previous !== cleaned; ) {
    previous = cleaned
    cleaned = cleaned
      .replace(/^(?:from|since|duration|period|tenure|dates?)\b\s*:?\s*/i, '')
      .replace(/\s+(?:from|since|to|till)$/i, '')
      .replace(/^[\s:;,.\-–—|]+|[\s:;,\-–—|]+$/g, '')
    if (cleaned.endsWith('.') && !ABBREVIATION_END.test(cleaned)) cleaned = cleaned.slice(0, -1)
  }
  return cleaned
}

/** Above 0 the piece reads as an employer, below 0 as a job title. */
function lean(part: string): number {
  return companyScore(part) - titleScore(part)
}

/**
 * "Production Supervisor Bosch Limited": a PDF that put title and employer in
 * one run of text, or columns whose gap was lost. Split at the first word
 * boundary that leaves a role on the left and an employer (and no role) on the right.
 */
function splitTitleFromCompany(part: string): string[] {
  if (titleScore(part) === 0 || companyScore(part) === 0) return [part]
  const words = part.split(' ')
  for (let k = 1; k < words.length; k++) {
    const left = words.slice(0, k).join(' ')
    const right = words.slice(k).join(' ')
    if (titleScore(left) > 0 && companyScore(right) > 0 && titleScore(right) === 0) return [left, right]
  }
  return [part]
}

/** Chooses the title and the company among the pieces of an entry's header lines. */
function pickTitleAndCompany(headerTexts: string[]): { title: string; company: string } {
  let title = ''
  let company = ''
  const parts: string[] = []
  for (const written of headerTexts) {
    // "(Full-time)", "(Honasa Consumer Ltd)", "(Customer Service, Kolkata)": asides, and their commas are not separators.
    const text = written.replace(/\([^)]*\)/g, ' ')
    const titleLabel = TITLE_LABEL.exec(text.trim())
    const companyLabel = COMPANY_LABEL.exec(text.trim())
    const asTitle = AS_TITLE_WITH_COMPANY.exec(text)
    const withCompany = WITH_COMPANY_AS_TITLE.exec(text)
    if (titleLabel?.[1]) title ||= cleanPart(titleLabel[1])
    else if (companyLabel?.[1]) company ||= cleanPart(companyLabel[1].split(PART_SEPARATOR)[0] ?? '')
    else if (asTitle?.[1] && asTitle[2]) {
      title ||= cleanPart(asTitle[1])
      company ||= cleanPart(asTitle[2].split(PART_SEPARATOR)[0] ?? '')
    } else if (withCompany?.[1] && withCompany[2]) {
      company ||= cleanPart(withCompany[1])
      title ||= cleanPart(withCompany[2].split(PART_SEPARATOR)[0] ?? '')
    } else parts.push(...text.split(PART_SEPARATOR).map(cleanPart))
  }
  const candidates = parts.filter((part) => /\p{L}/u.test(part) && !isPlace(part)).flatMap(splitTitleFromCompany)
  if (!company) company = candidates.filter((p) => p !== title && lean(p) > 0).toSorted((a, b) => lean(b) - lean(a))[0] ?? ''
  if (!title) title = candidates.find((p) => p !== company && lean(p) < 0) ?? ''
  // Nothing tells them apart: the first piece is the title, as in "Software Engineer, Acme".
  const unused = candidates.filter((p) => p !== title && p !== company)
  if (!title) title = unused.shift() ?? ''
  if (!company) company = unused.shift() ?? ''
  return { title, company }
}

interface Anchor {
  line: number
  dates: { start: string; end: string | null; text: string }
  /** the anchor line without its dates */
  rest: string
  /** a dated gap: it ends the job above like an entry would, then is dropped */
  careerBreak: boolean
}

/**
 * Without any dates, an entry is a short line that names both a role and an
 * employer ("Customer Care Executive – Teleperformance"); at least one of the
 * two must be recognisable so description lines are not taken for jobs.
 */
function undatedEntries(lines: ResumeLine[]): ExperienceEntry[] {
  const entries: ExperienceEntry[] = []
  for (const [index, line] of lines.entries()) {
    if (!isEntryHeaderLine(line.text) || CAREER_BREAK.test(line.text)) continue
    const { title, company } = pickTitleAndCompany([line.text])
    if (!title || !company || (titleScore(title) === 0 && companyScore(company) === 0)) continue
    const bullets: string[] = []
    for (const { text } of lines.slice(index + 1)) {
      if (isEntryHeaderLine(text)) break
      if (text.trim() !== '' && !SUB_HEADING.test(text.trim())) bullets.push(isBulletLine(text) ? stripBullet(text) : text.trim())
    }
    entries.push({ title, company, start: null, end: null, dates: '', bullets })
  }
  return entries
}

function isEntryHeaderLine(text: string): boolean {
  return isHeaderLike(text) && !SUB_HEADING.test(text.trim()) && !/:\s*$/.test(text)
}

/**
 * Experience entries. Each job is anchored on the line holding its dates; the
 * title and company sit on that line or on the short lines just above it
 * ("Title / Company / Dates") or, when the first job starts with its dated
 * line, just below it ("Company   Dates / Title"). Everything else up to the
 * next job is its bullets.
 */
export function parseExperience(lines: ResumeLine[], today: Date): ExperienceEntry[] {
  const anchors: Anchor[] = []
  lines.forEach((line, index) => {
    if (PROJECT_LINE.test(line.text)) return
    const dates = findDateRange(line.text, today)
    if (!dates) return
    const rest = line.text.slice(0, dates.index) + ' ' + line.text.slice(dates.index + dates.text.length)
    anchors.push({ line: index, dates, rest: rest.trim(), careerBreak: CAREER_BREAK.test(line.text) })
  })
  const first = anchors[0]
  if (!first) return undatedEntries(lines)

  const headerAbove = first.line > 0 && isEntryHeaderLine(lines[first.line - 1]?.text ?? '')
  const consumed = new Set<number>()
  const headers = anchors.map((anchor, k) => {
    const texts: number[] = []
    if (headerAbove) {
      const floor = k === 0 ? 0 : (anchors[k - 1]?.line ?? 0) + 1
      for (let i = anchor.line - 1; i >= floor && texts.length < 3; i--) {
        if (!isEntryHeaderLine(lines[i]?.text ?? '') || consumed.has(i)) break
        const sofar = pickTitleAndCompany([...texts.map((t) => lines[t]?.text ?? ''), anchor.rest])
        if (sofar.title && sofar.company) break
        texts.unshift(i)
      }
    } else {
      const ceiling = anchors[k + 1]?.line ?? lines.length
      for (let i = anchor.line + 1; i < ceiling && texts.length < 2; i++) {
        if (!isEntryHeaderLine(lines[i]?.text ?? '')) break
        const sofar = pickTitleAndCompany([anchor.rest, ...texts.map((t) => lines[t]?.text ?? '')])
        if (sofar.title && sofar.company) break
        texts.push(i)
      }
    }
    for (const i of texts) consumed.add(i)
    return texts
  })

  const entries = anchors.map((anchor, k) => {
    const headerLines = headers[k] ?? []
    const ordered = headerAbove ? [...headerLines.map((i) => lines[i]?.text ?? ''), anchor.rest] : [anchor.rest, ...headerLines.map((i) => lines[i]?.text ?? '')]
    const { title, company } = pickTitleAndCompany(ordered.filter((t) => t.trim() !== ''))
    const bodyEnd = headerAbove ? (headers[k + 1]?.[0] ?? anchors[k + 1]?.line ?? lines.length) : (anchors[k + 1]?.line ?? lines.length)
    const bullets: string[] = []
    for (let i = anchor.line + 1; i < bodyEnd; i++) {
      const text = lines[i]?.text ?? ''
      if (consumed.has(i) || text.trim() === '' || SUB_HEADING.test(text.trim())) continue
      bullets.push(isBulletLine(text) ? stripBullet(text) : text.trim())
    }
    return { title, company, start: anchor.dates.start, end: anchor.dates.end, dates: anchor.dates.text, bullets }
  })
  return entries.filter((_, k) => !anchors[k]?.careerBreak)
}
