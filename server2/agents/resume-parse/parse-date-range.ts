/** A period of work or study as read from the resume. Months are "YYYY-MM"; end null means "till date". */
export interface DateRange {
  start: string
  end: string | null
  /** the date text as written, e.g. "March'21 to till date" */
  text: string
  /** where the text starts in the searched string */
  index: number
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
/** "Jan 2019", "March'21", "Mar-21", "Sept. 2019", "15th June 2019" */
const NAMED = String.raw`(?:\d{1,2}(?:st|nd|rd|th)?[\s-]+)?${MONTH_NAME}\.?[\s,./-]*'?\s*(?:\d{4}|\d{2})(?!\d)`
/** "01/2019", "1-2019", "15/06/2019" (Indian day first) */
const NUMERIC_MONTH_YEAR = String.raw`(?:\d{1,2}[/.-])?\d{1,2}[/.-](?:19|20)\d{2}(?!\d)`
/** "2019-01" */
const NUMERIC_YEAR_MONTH = String.raw`(?:19|20)\d{2}[/.-](?:0[1-9]|1[0-2])(?!\d)`
const YEAR = String.raw`(?:19|20)\d{2}(?!\d)`
const DATE = `(?:${NAMED}|${NUMERIC_MONTH_YEAR}|${NUMERIC_YEAR_MONTH}|${YEAR})`
const PRESENT = String.raw`(?:present|current(?:ly)?|till\s*(?:date|now|present)|to\s*date|date|now|ongoing|today|continuing|running)`
const PRESENT_ONLY = new RegExp(`^${PRESENT}$`, 'i')
const SEPARATOR = String.raw`\s*(?:-+|–|—|~|to|till|until|upto|up\s+to|through)\s*`

const RANGE = new RegExp(String.raw`\b(${DATE})${SEPARATOR}(${DATE}|${PRESENT})\b`, 'i')
/** "Since Aug 2020", "From 2019", "w.e.f. 01/2022", "Aug 2020 onwards": started and not ended. */
const OPEN_RANGE = new RegExp(
  String.raw`\b(?:since|from|w\.?e\.?f\.?)\s*(${DATE})\b|\b(${DATE})\s*(?:onwards|till\s+date|to\s+present)\b`,
  'i',
)

/**
 * Reads one written date as a month. `role` decides what a bare year means:
 * a year alone covers the whole year, so it starts in January and ends in December.
 */
function parseMonth(text: string, role: 'start' | 'end', today: Date): string | null {
  const t = text.trim().toLowerCase()
  let year: number | undefined
  let month: number | undefined
  const named = new RegExp(String.raw`(${MONTH_NAME})\.?[\s,./-]*'?\s*(\d{4}|\d{2})$`).exec(t)
  if (named?.[1] && named[2]) {
    month = MONTHS.indexOf(named[1].slice(0, 3)) + 1
    year = expandYear(named[2], today)
  } else if (/^(?:\d{1,2}[/.-])?\d{1,2}[/.-]\d{4}$/.test(t)) {
    const parts = t.split(/[/.-]/)
    month = Number(parts.at(-2))
    year = Number(parts.at(-1))
  } else if (/^\d{4}[/.-]\d{2}$/.test(t)) {
    const [y, m] = t.split(/[/.-]/)
    year = Number(y)
    month = Number(m)
  } else if (/^\d{4}$/.test(t)) {
    year = Number(t)
    month = role === 'start' ? 1 : 12
  }
  if (year === undefined || month === undefined || month < 1 || month > 12) return null
  if (year < 1960 || year > today.getFullYear() + 6) return null
  return `${year}-${String(month).padStart(2, '0')}`
}

/** "'21" → 2021, "'98" → 1998: two-digit years up to next year are this century. */
function expandYear(digits: string, today: Date): number {
  if (digits.length === 4) return Number(digits)
  const yy = Number(digits)
  return yy <= (today.getFullYear() % 100) + 1 ? 2000 + yy : 1900 + yy
}

/** The first date range in the text: "Jan 2019 - Present", "01/2019 – 03/2021", "2018-2020", "Since Aug 2020". */
export function findDateRange(text: string, today: Date): DateRange | null {
  const range = RANGE.exec(text)
  if (range?.[1] && range[2]) {
    const start = parseMonth(range[1], 'start', today)
    const ongoing = PRESENT_ONLY.test(range[2].trim())
    const end = ongoing ? null : parseMonth(range[2], 'end', today)
    if (start && (ongoing || end)) return { start, end, text: range[0].trim(), index: range.index }
  }
  const open = OPEN_RANGE.exec(text)
  const written = open?.[1] ?? open?.[2]
  if (open && written) {
    const start = parseMonth(written, 'start', today)
    if (start) return { start, end: null, text: open[0].trim(), index: open.index }
  }
  return null
}

/** Month number on one scale, so ranges can be compared and measured. */
export function monthIndex(month: string): number {
  const [year, m] = month.split('-').map(Number)
  return (year ?? 0) * 12 + (m ?? 1) - 1
}

export function currentMonth(today: Date): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`
}
