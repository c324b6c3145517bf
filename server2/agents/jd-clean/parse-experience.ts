export interface ExperienceRange {
  min: number | null
  max: number | null
}

const NUM = String.raw`(\d{1,2}(?:\.\d)?)`
const UNIT = String.raw`(?:\+\s*)?(years?|yrs?|months?|mos?)\b\.?`
const DASH = String.raw`\s*(?:-|–|—|to)\s*`

/** "3-5 yrs", "2 to 4 yrs", "0-2 years", "3–5 years" */
const RANGE = new RegExp(String.raw`\b${NUM}${DASH}${NUM}\s*${UNIT}`, 'gi')
/** "5+ years", "5 + yrs", "3 years+" */
const PLUS = new RegExp(String.raw`\b${NUM}\s*\+\s*(years?|yrs?|months?)\b|\b${NUM}\s*(years?|yrs?)\s*\+`, 'gi')
/** "minimum 4 years", "at least 4 yrs", "min. of 4 years" */
const MINIMUM = new RegExp(String.raw`\b(?:minimum|min\.?|at\s*least|not less than)\s*(?:of\s*)?${NUM}\s*${UNIT}`, 'gi')
/** "up to 3 years", "upto 3 yrs", "maximum 3 years" */
const UP_TO = new RegExp(String.raw`\b(?:up\s*to|max(?:imum)?\.?)\s*(?:of\s*)?${NUM}\s*${UNIT}`, 'gi')
/** "4 years of experience", "6 months experience" */
const PLAIN = new RegExp(String.raw`\b${NUM}\s*${UNIT}`, 'gi')

/** A line must talk about experience before its numbers count as experience. */
const EXPERIENCE_CONTEXT = /\b(?:exp(?:erience)?d?|exp\.|worked|working|hands[- ]on|background|track record|proven|industry|relevant)\b/i
/** ...and not about the company's age, a contract's length or a bond. */
const NOT_EXPERIENCE = /\b(?:founded|established|since|old|legacy|in business|journey|bond|contract (?:duration|period|of)|duration|tenure|warranty|ago)\b/i
const LABEL = /^(?:- )?(?:work |total |required |relevant )?exp(?:erience)?(?: required| range)?\s*[:\-–]/i
/** Naukri-style header badge: the line is only the range ("3-8 Yrs"). */
const BADGE = /^(?:- )?\d{1,2}(?:\.\d)?\s*(?:(?:-|–|to)\s*\d{1,2}(?:\.\d)?\s*|\+\s*)(?:years?|yrs?)\.?$/i
const FRESHER = /\bfreshers?\b|\bno (?:prior )?experience (?:required|needed)\b/i

interface Mention extends ExperienceRange {
  labelled: boolean
  ranged: boolean
}

/**
 * Experience range in years from the posting text. A labelled line
 * ("Experience: 3-8 Years", Naukri's header) wins; otherwise a stated range;
 * otherwise the largest stated minimum, because "5+ years overall, 2+ in AWS"
 * asks for five. "Fresher" alone means 0–0.
 */
export function parseExperience(text: string): ExperienceRange {
  const mentions = text.split('\n').flatMap(mentionsIn)
  const best =
    mentions.find((m) => m.labelled) ??
    mentions.find((m) => m.ranged) ??
    mentions.reduce<Mention | undefined>((top, m) => (top === undefined || (m.min ?? 0) > (top.min ?? 0) ? m : top), undefined)
  if (best) return { min: best.min, max: best.max }
  if (FRESHER.test(text)) return { min: 0, max: 0 }
  return { min: null, max: null }
}

/**
 * A bullet that opens with a range or a plus ("- 3-6 years in customer
 * success") is a requirement even without the word "experience".
 */
const YEARS_BULLET = /^- (?:\d{1,2}(?:\.\d)?\s*(?:(?:-|–|to)\s*\d{1,2}(?:\.\d)?\s*|\+\s*)(?:years?|yrs?)|minimum|at least)\b/i

function mentionsIn(line: string): Mention[] {
  const labelled = LABEL.test(line) || BADGE.test(line)
  const relevant = labelled || FRESHER.test(line) || YEARS_BULLET.test(line) || EXPERIENCE_CONTEXT.test(line)
  if (!relevant || (!labelled && NOT_EXPERIENCE.test(line))) return []
  const found: Mention[] = []
  const taken: [number, number][] = []
  const claim = (m: RegExpExecArray): boolean => {
    const span: [number, number] = [m.index, m.index + m[0].length]
    if (taken.some(([a, b]) => span[0] < b && a < span[1])) return false
    taken.push(span)
    return true
  }
  for (const m of line.matchAll(RANGE)) {
    if (!claim(m)) continue
    const scale = toYears(m[3])
    const min = round(Number(m[1]) * scale)
    const max = round(Number(m[2]) * scale)
    if (min <= max) found.push({ min, max, labelled, ranged: true })
  }
  for (const m of line.matchAll(UP_TO)) {
    if (claim(m)) found.push({ min: 0, max: round(Number(m[1]) * toYears(m[2])), labelled, ranged: true })
  }
  for (const pattern of [PLUS, MINIMUM, PLAIN]) {
    for (const m of line.matchAll(pattern)) {
      if (!claim(m)) continue
      const value = m[1] ?? m[3]
      const unit = m[2] ?? m[4]
      found.push({ min: round(Number(value) * toYears(unit)), max: null, labelled, ranged: false })
    }
  }
  if (found.length === 0 && labelled && FRESHER.test(line)) found.push({ min: 0, max: 0, labelled, ranged: true })
  return found.filter((m) => (m.max ?? m.min ?? 0) <= 40)
}

function toYears(unit: string | undefined): number {
  return unit && /^mo/i.test(unit) ? 1 / 12 : 1
}

function round(years: number): number {
  return Math.round(years * 10) / 10
}
