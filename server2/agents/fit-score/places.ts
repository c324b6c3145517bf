/**
 * Indian place names as job boards and resumes write them, folded to one city
 * and the metro region it belongs to, so "Gurgaon", "Gurugram" and
 * "Delhi NCR" can be compared.
 */

export type Place =
  | { readonly kind: 'city'; readonly city: string; readonly region: string }
  | { readonly kind: 'region'; readonly region: string }
  | { readonly kind: 'remote' }
  | { readonly kind: 'anywhere' }

/** alias → [canonical city, region]; a city that is not part of a metro is its own region. */
const CITIES = new Map<string, readonly [string, string]>()

function cities(region: string, entries: Record<string, readonly string[]>): void {
  for (const [city, aliases] of Object.entries(entries)) {
    for (const alias of [city, ...aliases]) CITIES.set(alias, [city, region])
  }
}

cities('ncr', {
  delhi: ['new delhi', 'dilli'],
  noida: ['greater noida', 'noida extension'],
  gurugram: ['gurgaon', 'ggn'],
  ghaziabad: [],
  faridabad: [],
})
cities('mmr', { mumbai: ['bombay'], 'navi mumbai': [], thane: [], kalyan: [] })
cities('bengaluru', { bengaluru: ['bangalore', 'blr', 'bengaluru urban'] })
cities('hyderabad', { hyderabad: ['secunderabad', 'hyd', 'cyberabad'] })
cities('chennai', { chennai: ['madras'] })
cities('kolkata', { kolkata: ['calcutta', 'howrah', 'salt lake'] })
cities('pune', { pune: ['poona', 'pimpri', 'pimpri chinchwad', 'hinjewadi'] })
cities('ahmedabad', { ahmedabad: ['amdavad'], gandhinagar: [] })
cities('chandigarh tricity', { chandigarh: [], mohali: [], panchkula: [] })
cities('kochi', { kochi: ['cochin', 'ernakulam'] })
for (const [city, aliases] of Object.entries({
  thiruvananthapuram: ['trivandrum'],
  mysuru: ['mysore'],
  mangaluru: ['mangalore'],
  visakhapatnam: ['vizag'],
  vadodara: ['baroda'],
  puducherry: ['pondicherry'],
  jaipur: [],
  lucknow: [],
  indore: [],
  bhopal: [],
  nagpur: [],
  nashik: [],
  surat: [],
  rajkot: [],
  coimbatore: [],
  madurai: [],
  tiruchirappalli: ['trichy'],
  bhubaneswar: [],
  patna: [],
  ranchi: [],
  raipur: [],
  guwahati: [],
  dehradun: [],
  kanpur: [],
  varanasi: [],
  ludhiana: [],
  amritsar: [],
  jalandhar: [],
  vijayawada: [],
  goa: ['panaji', 'panjim', 'margao'],
  hubli: ['hubballi'],
  jodhpur: [],
  udaipur: [],
  agra: [],
  meerut: [],
  srinagar: [],
  jammu: [],
})) {
  cities(city, { [city]: aliases })
}

const REGIONS = new Map<string, string>(Object.entries({
  ncr: 'ncr',
  'delhi ncr': 'ncr',
  'delhi/ncr': 'ncr',
  'national capital region': 'ncr',
  mmr: 'mmr',
  'mumbai metropolitan region': 'mmr',
  'mumbai suburban': 'mmr',
  tricity: 'chandigarh tricity',
}))

const REMOTE = new Set(['remote', 'work from home', 'wfh', 'remote india', 'fully remote', 'anywhere remote'])
const ANYWHERE = new Set(['pan india', 'anywhere in india', 'anywhere', 'india', 'multiple locations', 'open to relocate', 'any location'])

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function placeOf(part: string): Place | null {
  const key = normalise(part)
  if (key === '') return null
  if (REMOTE.has(key)) return { kind: 'remote' }
  if (ANYWHERE.has(key)) return { kind: 'anywhere' }
  const region = REGIONS.get(key)
  if (region !== undefined) return { kind: 'region', region }
  const city = CITIES.get(key)
  if (city !== undefined) return { kind: 'city', city: city[0], region: city[1] }
  return null
}

/**
 * Reads one location string ("Gurgaon, Haryana", "Delhi NCR", "Remote").
 * Comma/slash-separated parts are tried in order so the state or country
 * suffix does not hide the city; an unknown place still compares by its
 * first part, which is usually the city.
 */
export function parsePlace(text: string): Place | null {
  const whole = placeOf(text)
  if (whole !== null) return whole
  const parts = text.split(/[,/|;]| - /)
  for (const part of parts) {
    const place = placeOf(part)
    if (place !== null && place.kind !== 'anywhere') return place
  }
  const first = normalise(parts[0] ?? '')
  if (first === '') return null
  return { kind: 'city', city: first, region: first }
}

/** Whether a token (lower-case word) names a place; titles like "Accountant - Pune" drop it. */
export function isPlaceWord(word: string): boolean {
  return CITIES.has(word) || REGIONS.has(word) || REMOTE.has(word)
}
