/**
 * Indian cities go by several names (old and new, or the metro region); users
 * and postings mix them, so searches and matches compare canonical names.
 */
const ALIASES: Record<string, string> = {
  bangalore: 'bengaluru',
  bengalooru: 'bengaluru',
  gurgaon: 'gurugram',
  bombay: 'mumbai',
  'navi mumbai': 'mumbai',
  madras: 'chennai',
  calcutta: 'kolkata',
  'new delhi': 'delhi',
  'delhi ncr': 'delhi',
  ncr: 'delhi',
  poona: 'pune',
  trivandrum: 'thiruvananthapuram',
  cochin: 'kochi',
  baroda: 'vadodara',
  mysore: 'mysuru',
}

export function normalizeWhitespace(text: string): string {
  return text.trim().replace(/\s+/g, ' ')
}

/** Lower-cased, whitespace-collapsed, alias-resolved city name. */
export function canonicalCity(name: string): string {
  const key = normalizeWhitespace(name).toLowerCase()
  return ALIASES[key] ?? key
}

/** Every name a canonical city goes by, itself included. */
export function cityNames(canonical: string): string[] {
  return [canonical, ...Object.keys(ALIASES).filter((alias) => ALIASES[alias] === canonical)]
}
