/**
 * Candidate phone numbers: an optional "+", then digits with the separators
 * people type ("+91 98765 43210", "098765-43210", "(+91) 80-1234-5678").
 * Slashes, dots and en dashes are left out on purpose: they join dates
 * ("01/2019 – 03/2021"), not phone digits.
 */
const PHONE_CANDIDATE = /(?:\(?\+\s?)?\d[\d\s()-]{8,18}\d/g

/** Normalises one Indian number (mobile or landline with STD code) to E.164, or null if it is not one. */
function toIndianE164(raw: string): string | null {
  const digits = raw.replace(/\D/g, '')
  let national: string
  if (digits.length === 12 && digits.startsWith('91')) national = digits.slice(2)
  else if (digits.length === 11 && digits.startsWith('0')) national = digits.slice(1)
  else if (digits.length === 10 && !raw.trim().startsWith('+')) national = digits
  else return null
  // No Indian number (mobile 6-9…, landline STD code 1-8…) starts with 0 once the trunk prefix is gone.
  if (national.startsWith('0')) return null
  return `+91${national}`
}

/**
 * A candidate may run two numbers together ("98765 43210 560001" with a PIN
 * code after it), so the longest valid run of digit groups is taken from each
 * starting group.
 */
function numbersInCandidate(candidate: string): string[] {
  // Another country's code ("+1 415 555 0123") makes the rest a foreign number, whatever its length.
  if (/^\(?\+\s?(?!91)\d/.test(candidate)) return []
  const groups = candidate.split(/(?<=[\d)])[\s-]+(?=[\d(+])/)
  const found: string[] = []
  for (let start = 0; start < groups.length; start++) {
    for (let end = groups.length; end > start; end--) {
      const e164 = toIndianE164(groups.slice(start, end).join(' '))
      if (e164) {
        found.push(e164)
        start = end - 1
        break
      }
    }
  }
  return found
}

/**
 * The resume's phone number: the first one written. Mobile and landline
 * cannot be told apart by digits alone (Bengaluru's 080 landlines start with 8
 * like mobiles do), and people list their mobile first.
 */
export function findIndianPhone(text: string): string | null {
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    // Runs like "2016 - 2019 2019 - 2021" have the right digit count; real numbers never contain a year pair.
    if (/\b(?:19|20)\d\d\s*-\s*(?:19|20)\d\d\b/.test(match[0])) continue
    const [first] = numbersInCandidate(match[0])
    if (first) return first
  }
  return null
}
