/**
 * Indian cities as postings spell them, keyed by the canonical name stored in
 * jobs and compared by fit scoring. Old names and board spellings are aliases.
 */
const CITY_ALIASES: Record<string, string[]> = {
  Bengaluru: ['bengaluru', 'bangalore', 'banglore', 'bangaluru', 'blr'],
  Gurugram: ['gurugram', 'gurgaon', 'ggn'],
  Mumbai: ['mumbai', 'bombay'],
  'Navi Mumbai': ['navi mumbai', 'new mumbai'],
  Thane: ['thane'],
  'Delhi NCR': ['delhi ncr', 'delhi/ncr', 'delhi-ncr', 'ncr', 'national capital region'],
  Delhi: ['new delhi', 'delhi'],
  Noida: ['noida', 'greater noida'],
  Ghaziabad: ['ghaziabad'],
  Faridabad: ['faridabad'],
  Pune: ['pune', 'poona'],
  Hyderabad: ['hyderabad', 'secunderabad', 'hyd'],
  Chennai: ['chennai', 'madras'],
  Kolkata: ['kolkata', 'calcutta'],
  Ahmedabad: ['ahmedabad', 'amdavad'],
  Gandhinagar: ['gandhinagar', 'gift city'],
  Jaipur: ['jaipur'],
  Kochi: ['kochi', 'cochin', 'ernakulam'],
  Thiruvananthapuram: ['thiruvananthapuram', 'trivandrum'],
  Coimbatore: ['coimbatore'],
  Madurai: ['madurai'],
  Tiruchirappalli: ['tiruchirappalli', 'trichy'],
  Chandigarh: ['chandigarh'],
  Mohali: ['mohali'],
  Indore: ['indore'],
  Bhopal: ['bhopal'],
  Nagpur: ['nagpur'],
  Nashik: ['nashik', 'nasik'],
  Lucknow: ['lucknow'],
  Kanpur: ['kanpur'],
  Vadodara: ['vadodara', 'baroda'],
  Surat: ['surat'],
  Visakhapatnam: ['visakhapatnam', 'vizag'],
  Vijayawada: ['vijayawada'],
  Mysuru: ['mysuru', 'mysore'],
  Mangaluru: ['mangaluru', 'mangalore'],
  Bhubaneswar: ['bhubaneswar', 'bhubaneshwar'],
  Guwahati: ['guwahati'],
  Patna: ['patna'],
  Ranchi: ['ranchi'],
  Raipur: ['raipur'],
  Dehradun: ['dehradun'],
  Ludhiana: ['ludhiana'],
  Goa: ['goa', 'panaji', 'panjim'],
  Puducherry: ['puducherry', 'pondicherry'],
  Jodhpur: ['jodhpur'],
  Udaipur: ['udaipur'],
  Agra: ['agra'],
  Varanasi: ['varanasi'],
  Hubballi: ['hubballi', 'hubli'],
  Aurangabad: ['aurangabad'],
  Kozhikode: ['kozhikode', 'calicut'],
}

const ALIAS_TO_CITY = new Map<string, string>()
for (const [city, aliases] of Object.entries(CITY_ALIASES)) for (const alias of aliases) ALIAS_TO_CITY.set(alias, city)

/** Longest aliases first so "Navi Mumbai" is not also read as "Mumbai", "Delhi NCR" not as "Delhi". */
const CITY_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${[...ALIAS_TO_CITY.keys()]
    .toSorted((a, b) => b.length - a.length)
    .map((a) => a.replace(/ /g, String.raw`\s+`).replace(/[/-]/g, String.raw`\s*[/-]\s*`))
    .join('|')})(?![\p{L}\p{N}])`,
  'giu',
)

/** Canonical city for any spelling ("Bangalore" → "Bengaluru"), or null for places not in the table. */
export function canonicalCity(name: string): string | null {
  const key = name.trim().toLowerCase().replace(/\s*([/-])\s*/g, '$1').replace(/\s+/g, ' ')
  return ALIAS_TO_CITY.get(key) ?? null
}

/** Canonical cities named in a piece of text, in order of first mention, without repeats. */
export function citiesIn(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(CITY_PATTERN)) {
    // "blr", "hyd" and "ncr" are also ordinary letter runs; only trust them in upper case.
    if (m[0].length <= 3 && m[0] !== m[0].toUpperCase()) continue
    const city = canonicalCity(m[0])
    if (city && !found.includes(city)) found.push(city)
  }
  return found
}

const LOCATION_LABEL = /^(?:- )?(?:job |work |office |preferred |posting )?(?:locations?|city|cities|based (?:in|at|out of)|place of (?:work|posting)|work(?:ing)? from|office)\s*[:\-–]/i
const LOCATION_PHRASE = /\b(?:based (?:in|at|out of)|located in|(?:our|the) [\p{L} ]{0,20}office in|work from (?:our|the) .{0,30} office|relocat\w* to|position is in|role is in)\b/iu

export interface LocationInput {
  /** the board's location field, when the scraper captured one */
  location_text?: string | null
  title: string
  /** role text: the clean text without "about us" sections, where offices elsewhere are listed */
  role_text: string
}

/**
 * Where the job is. The board's location field is the most reliable; then
 * labelled lines ("Location: Pune"), the title ("Java Developer - Pune"),
 * and sentences such as "based in our Chennai office". The first source that
 * names a city decides, so a company's list of offices does not leak in.
 */
export function detectLocations(input: LocationInput): string[] {
  const lines = input.role_text.split('\n')
  const sources = [
    input.location_text ?? '',
    lines.filter((l) => LOCATION_LABEL.test(l)).join('\n'),
    input.title,
    lines.filter((l) => LOCATION_PHRASE.test(l)).join('\n'),
  ]
  for (const source of sources) {
    const cities = citiesIn(source)
    if (cities.length > 0) return cities
  }
  return []
}
