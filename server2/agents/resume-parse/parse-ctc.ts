/**
 * Labels before a salary figure. At one position the expected-salary labels
 * are tried first, so "Expected CTC" is never read as a plain "CTC".
 */
const SALARY_LABEL =
  /\b(?<expected>expected\s*(?:annual\s+)?(?:ctc|salary|package|compensation|pay)?|salary\s+expectations?|desired\s+(?:ctc|salary|package)|ectc)\b|\b(?<current>(?:current|present|existing|last\s+drawn|drawing)\s*(?:annual\s+|fixed\s+)?(?:ctc|salary|package|compensation|pay)|cctc|ctc|annual\s+(?:ctc|package|salary)|salary)\b/gi

/** The figure must follow its label, so "processed salary for 1200 employees" is not a salary. */
const AMOUNT =
  /^[\s:=\-–—(]*(?:is|of|:)?\s*(?:₹|rs\.?|inr)?\s*(\d{1,3}(?:,\d{2,3})+|\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)*)?\s*(lpa|lakhs?|lacs?|l\b|cr(?:ores?)?\b|k\b|thousand|mn\b|million)?([^\n]{0,24})/i

const MIN_ANNUAL = 10_000
const MAX_ANNUAL = 100_000_000
const UNIT: Record<string, number> = { l: 1e5, lpa: 1e5, lakh: 1e5, lac: 1e5, cr: 1e7, k: 1e3, thousand: 1e3, mn: 1e6, million: 1e6 }
const MONTHLY = /^\s*(?:\/\s*|per\s+|p\.?\s*|a\s+)?(?:month|mon|mo|m\b\.?|pm\b)|^\s*monthly/i

/**
 * A salary figure in annual INR. A bare small number is in lakhs ("CTC: 8.5"),
 * a bare large one in rupees ("CTC - 12,00,000 p.a."); monthly figures are
 * multiplied by 12. A range ("12-15 LPA") gives its lower end.
 */
function parseSalaryAmount(text: string): number | null {
  const match = AMOUNT.exec(text)
  if (!match?.[1]) return null
  const value = Number(match[1].replace(/,/g, ''))
  const unitWord = match[2]?.toLowerCase().replace(/s$/, '').replace(/^cr.*/, 'cr')
  const unit = unitWord ? UNIT[unitWord] : undefined
  const monthly = MONTHLY.test(match[3] ?? '')
  let annual: number
  if (unit) annual = value * unit
  else if (value < 100) annual = value * 1e5
  else if (value >= 1000) annual = value
  else return null
  annual = Math.round(monthly ? annual * 12 : annual)
  // Outside these bounds the "figure" is a year ("Expected 2025") or a typo, not a salary.
  return annual >= MIN_ANNUAL && annual <= MAX_ANNUAL ? annual : null
}

/** Current and expected CTC in annual INR, when the resume states them. */
export function parseCtc(text: string): { current_ctc_inr: number | null; expected_ctc_inr: number | null } {
  let current: number | null = null
  let expected: number | null = null
  for (const match of text.matchAll(SALARY_LABEL)) {
    const amount = parseSalaryAmount(text.slice(match.index + match[0].length))
    if (amount === null) continue
    if (match.groups?.expected) expected ??= amount
    else current ??= amount
  }
  return { current_ctc_inr: current, expected_ctc_inr: expected }
}
