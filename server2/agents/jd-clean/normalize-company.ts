/** Legal and country suffixes that vary between boards for one employer. */
const SUFFIXES = new Set([
  'pvt', 'private', 'ltd', 'limited', 'llp', 'llc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company',
  'plc', 'gmbh', 'ag', 'sa', 'bv', 'pte', 'india', 'in', 'the', 'opc',
])

/** Words that some boards add to a brand and others drop ("Infosys Technologies" = "Infosys"). */
const DESCRIPTORS = new Set([
  'technologies', 'technology', 'tech', 'solutions', 'services', 'software', 'systems', 'labs', 'consulting',
  'global', 'group', 'enterprises', 'industries', 'infotech', 'digital', 'it',
])

function words(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/\.(?=[a-z]\b)/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
}

/** Drops suffix words from the end only, so "The Company Store" keeps its middle. */
function trimEnd(list: string[], drop: Set<string>): string[] {
  const out = [...list]
  while (out.length > 1 && drop.has(out.at(-1) ?? '')) out.pop()
  return out
}

/**
 * A key for an employer's name that survives board spellings: "Infosys Ltd",
 * "Infosys Limited", "INFOSYS LIMITED (India)" and "Infosys Technologies Pvt.
 * Ltd." all give "infosys". Used in the content hash and in duplicate checks.
 */
export function normalizeCompanyName(name: string): string {
  return trimEnd(trimEnd(trimEnd(words(name), SUFFIXES), DESCRIPTORS), SUFFIXES).join(' ')
}

/**
 * Whether two employer names mean the same company: equal keys, or one is
 * the initials of the other ("TCS" and "Tata Consultancy Services").
 */
export function sameCompany(a: string, b: string): boolean {
  const ka = normalizeCompanyName(a)
  const kb = normalizeCompanyName(b)
  if (ka === '' || kb === '') return false
  if (ka === kb) return true
  return isInitialsOf(ka, b) || isInitialsOf(kb, a)
}

function isInitialsOf(key: string, name: string): boolean {
  return !key.includes(' ') && key.length >= 2 && companyInitials(name) === key
}

/** "Tata Consultancy Services Ltd" → "tcs"; a one-word name is its own initials. */
export function companyInitials(name: string): string {
  const full = trimEnd(words(name), SUFFIXES).filter((w) => w !== 'and' && w !== 'of')
  return full.length === 1 ? (full[0] ?? '') : full.map((w) => w[0]).join('')
}
