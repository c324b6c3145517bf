export interface SalaryRange {
  /** annual INR */
  min: number | null
  /** annual INR */
  max: number | null
  /** the posting quoted a monthly figure (stipend or monthly pay) that was multiplied by 12 */
  monthly: boolean
}

const NONE: SalaryRange = { min: null, max: null, monthly: false }

const CURRENCY = String.raw`(?:₹|rs\.?|inr|rupees)`
const NUMBER = String.raw`(\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)`
const MULTIPLIER = String.raw`(k|thousand|lpa|lakhs?|lacs?|lakh|l|cr|crores?)\b\.?`
const AMOUNT = (n: number) =>
  String.raw`(${CURRENCY}\s*)?${NUMBER.replace('(', `(?<n${n}>`)}\s*(?:${MULTIPLIER.replace('(', `(?<m${n}>`)})?`
/** "₹12-18 LPA", "INR 8,00,000 - 12,00,000", "up to ₹30,000", "15 lakhs" */
const SALARY = new RegExp(
  String.raw`(?<upto>up\s*to|upto|max(?:imum)?)?\s*${AMOUNT(1)}(?:\s*(?:-|–|—|to)\s*${AMOUNT(2)})?(?<plus>\s*\+(?!\s*[a-z]))?`,
  'gi',
)

const SALARY_CONTEXT = /salary|\bctc\b|compensation|\bpay\b|package|stipend|\blpa\b|lakhs?|\blacs?\b|per annum|p\.\s?a\.|per month|remuneration|budget|₹|\binr\b|\brs\.?\s*\d/i
const NOT_SALARY = /turnover|revenue|funding|raised|valuation|worth|market cap|customers|users|\baum\b|investment|series [a-e]\b|loans?\b|disburse/i
const LABELLED = /^(?:- )?(?:salary|ctc|stipend|compensation|package|pay|remuneration|budget)(?: range| offered| \(.*\))?\s*[:\-–]/i
const FOREIGN_BEFORE = /(?:\$|usd|€|eur|£|gbp)\s*$/i
const MONTHLY_AFTER = /^\s*(?:\/\s*|per\s+|a\s+|p\.?\s*)?(?:month|mon|mo|m)\b|^\s*monthly|^\s*p\.\s?m\./i
const ANNUAL_AFTER = /^\s*(?:\/\s*|per\s+|a\s+)?(?:annum|year|yr|p\.?\s?a\.?(?![a-z]))|^\s*(?:annual|yearly)/i
const MONTHLY_LINE = /per month|\/\s*month|monthly|p\.\s?m\.|\bstipend\b/i
const ANNUAL_LINE = /per annum|\bp\.\s?a\.|annual|yearly|\bctc\b|\/\s*(?:year|yr)/i

const MIN_ANNUAL_INR = 10_000
const MAX_ANNUAL_INR = 50 * 10_000_000

/**
 * Salary in annual INR from the first mention that is clearly pay: a line
 * about salary/CTC/stipend, with a rupee sign or an Indian unit (LPA, lakh,
 * crore, k). Monthly figures (stipends, "₹25,000/month") are annualised and
 * flagged; plain rupee figures under one lakh with no period are read as
 * monthly, which is how Indian postings quote them. "Not disclosed" and
 * foreign currencies give nothing.
 */
export function parseSalary(text: string): SalaryRange {
  const lines = text.split('\n').filter((l) => SALARY_CONTEXT.test(l) && !NOT_SALARY.test(l))
  const ordered = [...lines.filter((l) => LABELLED.test(l)), ...lines.filter((l) => !LABELLED.test(l))]
  for (const line of ordered) {
    const found = salaryIn(line, LABELLED.test(line))
    if (found) return found
  }
  return NONE
}

/** On a "Salary:" line bare figures are pay; elsewhere a rupee sign or unit must say so. */
function salaryIn(line: string, labelled: boolean): SalaryRange | null {
  for (const m of line.matchAll(SALARY)) {
    const g = m.groups ?? {}
    const start = m.index + m[0].search(/\S/)
    if (FOREIGN_BEFORE.test(line.slice(0, start))) continue
    const second = g.n2 === undefined ? null : { value: toNumber(g.n2), unit: g.m2 }
    const firstUnit = g.m1 ?? (second && toNumber(g.n1 ?? '') < 1000 ? second.unit : undefined)
    const hasCurrency = /₹|rs|inr|rupee/i.test(m[0])
    if (!hasCurrency && !firstUnit && !second?.unit && !labelled) continue

    const first = toNumber(g.n1 ?? '') * scale(firstUnit)
    const last = second ? second.value * scale(second.unit ?? firstUnit) : first
    const after = line.slice(m.index + m[0].length)
    const monthly = isMonthly(line, after, firstUnit ?? second?.unit, Math.max(first, last))
    const factor = monthly ? 12 : 1
    const min = g.upto ? null : Math.round(first * factor)
    const max = g.plus && !second ? null : Math.round(last * factor)
    const top = max ?? min ?? 0
    if (top < MIN_ANNUAL_INR || top > MAX_ANNUAL_INR || (min !== null && max !== null && min > max)) continue
    return { min, max, monthly }
  }
  return null
}

function isMonthly(line: string, after: string, unit: string | undefined, amount: number): boolean {
  if (unit && /^lpa$/i.test(unit)) return false
  if (MONTHLY_AFTER.test(after)) return true
  if (ANNUAL_AFTER.test(after)) return false
  if (MONTHLY_LINE.test(line)) return true
  if (ANNUAL_LINE.test(line)) return false
  return amount < 100_000 && !(unit && /^(?:l|la|cr)/i.test(unit))
}

function toNumber(digits: string): number {
  return Number(digits.replace(/,/g, ''))
}

function scale(unit: string | undefined): number {
  if (!unit) return 1
  const u = unit.toLowerCase()
  if (u === 'k' || u === 'thousand') return 1_000
  if (u.startsWith('cr')) return 10_000_000
  return 100_000
}
