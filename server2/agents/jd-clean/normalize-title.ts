import { citiesIn } from './detect-locations.ts'

const REGIONS = /\b(?:india|pan india|karnataka|maharashtra|tamil nadu|telangana|andhra pradesh|kerala|gujarat|rajasthan|haryana|uttar pradesh|west bengal|punjab|madhya pradesh|odisha|ncr|anywhere|multiple locations?|all india)\b/gi
const NOISE = [
  /^(?:urgent(?:ly)?|immediate(?:ly)?|hot)?\s*(?:hiring|requirement|required|opening|openings|vacancy|vacancies|job|joiners?|joining)?\s*(?:now|urgent(?:ly)?)?$/i,
  /^(?:urgent(?:ly)?|immediate(?:ly)?)\b.*$/i,
  /^(?:apply now|walk[- ]?in(?: drive| interview)?s?|hiring now|we(?:'re| are) hiring|job opening|new opening)$/i,
  /^(?:remote|wfh|work from home|work from office|wfo|hybrid|on[- ]?site|in[- ]office|remote[- ]first|fully remote)(?:\s*(?:\/|or|,)\s*(?:remote|wfh|work from home|hybrid|on[- ]?site))*$/i,
  /^(?:full[- ]time|part[- ]time|permanent|contract(?:ual)?|temporary|c2h|contract to hire)$/i,
  /^(?:req(?:uisition)?|job|jr|r|ref|id|job id|req id|code)?\s*[#:.-]?\s*[a-z]{0,3}[-_]?\d{3,}$/i,
  /^#?\s*\d+$/,
  /^\d{1,2}[- ]?(?:months?|mo)(?: (?:contract|internship|project|duration))?$/i,
  /^\d{1,2}(?:\.\d)?\s*(?:(?:-|–|to)\s*\d{1,2}(?:\.\d)?\s*|\+\s*)?(?:years?|yrs?)(?: exp(?:erience)?)?\.?$/i,
  /^(?:freshers?|experienced)(?: only| can apply| welcome)?$/i,
  /^(?:₹|rs\.?|inr)?\s*\d[\d,.]*\s*(?:-\s*\d[\d,.]*\s*)?(?:lpa|lakhs?|lacs?|k)(?:\s*p\.?a\.?)?$/i,
]

/** A title segment that says where, when, how urgently or under which code, not what the job is. */
function isNoise(segment: string): boolean {
  const s = segment.trim().replace(/^[([{]|[)\]}]$/g, '').trim()
  if (s === '') return true
  if (NOISE.some((p) => p.test(s))) return true
  if (citiesIn(s).length === 0 && !s.match(REGIONS)) return false
  const rest = stripPlaces(s)
  return rest.replace(/\b(?:and|or|in|at|only)\b/gi, '').replace(/[\s,/&+|()-]/g, '') === ''
}

function stripPlaces(s: string): string {
  const cities = citiesIn(s)
  let rest = s.replace(REGIONS, ' ')
  for (const alias of aliasesPresent(rest, cities)) rest = rest.replace(alias, ' ')
  return rest
}

/** The literal spellings of the given cities that occur in s ("Bangalore" for Bengaluru). */
function aliasesPresent(s: string, cities: string[]): RegExp[] {
  return s
    .split(/[\s,/&+|()-]+/)
    .flatMap((_, i, words) => [words.slice(i, i + 2).join(' '), words[i] ?? ''])
    .filter((w) => w && citiesIn(w).some((c) => cities.includes(c)))
    .map((w) => new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'))
}

const PREFIX = /^(?:(?:urgent(?:ly)?|immediate(?:ly)?)\s+)?(?:(?:we(?:'re| are)\s+)?hiring|requirement|required|opening|openings|vacancy|walk[- ]?in(?: drive| interview)?)\s*(?:for|of|:|-|–)?\s*(?:an?\s+)?/i
const TRAILING_PLACE = /\s+(?:in|at|@|for)\s+([^,|–—-]+)$/i
const TRAILING_WORD = /\s+(\S+)$/

const ABBREVIATIONS: Record<string, string> = {
  sr: 'Senior',
  snr: 'Senior',
  jr: 'Junior',
  jnr: 'Junior',
  mgr: 'Manager',
  engg: 'Engineering',
  asst: 'Assistant',
  exec: 'Executive',
  exe: 'Executive',
  mgmt: 'Management',
  assoc: 'Associate',
  dev: 'Developer',
}

const CANONICAL_WORDS = new Map(
  [
    'SDE', 'SDET', 'QA', 'QC', 'UI', 'UX', 'AI', 'ML', 'HR', 'HRBP', 'SEO', 'SEM', 'SMM', 'IT', 'BI', 'CRM', 'ERP', 'SAP',
    'AWS', 'GCP', 'iOS', '.NET', 'DevOps', 'DevSecOps', 'MLOps', 'PHP', 'SQL', 'API', 'MIS', 'CA', 'CMA', 'BDE', 'BDM', 'BDA',
    'KAM', 'US', 'UK', 'VP', 'AVP', 'SVP', 'CTO', 'CEO', 'CFO', 'COO', 'CXO', 'GST', 'SRE', 'NOC', 'SOC', 'B2B', 'B2C',
    'SaaS', 'II', 'III', 'IV', 'NLP', 'LLM', 'ETL', 'DBA', 'GIS', 'CAD', 'PLC', 'HVAC', 'MEP', 'R&D', 'RPA', 'FP&A',
    'Node.js', 'React.js', 'JavaScript', 'TypeScript', 'MERN', 'MEAN', 'L1', 'L2', 'L3', 'TL', 'PMO', 'PPC', 'D2C', 'FMCG',
    'BPO', 'KPO', 'IoT', 'AR', 'VR', 'CNC', 'ABAP', 'FICO', 'HCM', 'SFDC', 'ServiceNow', 'GenAI', 'EHS', 'HSE', 'HRIS',
    'TA', 'AP', 'JS', 'ARM', 'CS', 'DSA', 'NBFC', 'BFSI', 'KYC', 'AML', 'MBA', 'PGT', 'TGT', 'PRT', 'ASM', 'RSM', 'ZSM', 'CRE',
  ].map((w) => [w.toLowerCase(), w]),
)
const SMALL_WORDS = new Set(['of', 'and', 'for', 'in', 'the', 'to', 'with', 'at', 'on', 'a', 'an', 'or', 'via', 'cum'])

/**
 * The role a title names, without what boards and recruiters bolt on: codes
 * ("(Req 1234)"), urgency ("- Urgent hiring"), mode ("WFH"), place
 * ("- Bangalore", "in Pune"), experience ("3-5 yrs"). Abbreviations are
 * spelled out (Sr → Senior) and casing made canonical (acronyms upper,
 * small words lower), so the same role reads the same on every board.
 */
export function normalizeTitle(title: string): string {
  let t = title.replace(/\s+/g, ' ').trim().replace(PREFIX, '')
  t = t.replace(/\s*[([{]([^()[\]{}]*)[)\]}]/g, (whole, inner: string) => (isNoise(inner) ? ' ' : whole))
  t = dropNoiseSegments(t)
  t = dropTrailingNoise(t)
  const cased = t
    .replace(/^[\s,:;|/–—-]+|[\s,:;|/–—-]+$/g, '')
    .split(' ')
    .filter(Boolean)
    .map((word, i) => caseWord(word, i === 0))
    .join(' ')
  return cased || title.replace(/\s+/g, ' ').trim()
}

/** Splits on " - ", " | ", "–", "—", "," and drops the segments that are noise. */
function dropNoiseSegments(title: string): string {
  const parts = title.split(/(\s+[-–—|]\s+|\s*[|–—,]\s*|\s+-(?=\S)|(?<=\S)-\s+)/)
  let out = ''
  for (let i = 0; i < parts.length; i += 2) {
    const segment = parts[i] ?? ''
    if (isNoise(segment)) continue
    out += out === '' ? segment : `${parts[i - 1] ?? ' '}${segment}`
  }
  return out
}

/** "Java Developer in Pune", "Java Developer WFH", "Sales Executive Bangalore" */
function dropTrailingNoise(title: string): string {
  let t = title.trim()
  for (;;) {
    const place = TRAILING_PLACE.exec(t)
    if (place && isNoise(place[1] ?? '')) {
      t = t.slice(0, place.index).trim()
      continue
    }
    const word = TRAILING_WORD.exec(t)
    if (word && isNoise(word[1] ?? '')) {
      t = t.slice(0, word.index).trim()
      continue
    }
    return t
  }
}

function caseWord(word: string, first: boolean): string {
  return word
    .split(/([/-])/)
    .map((part, i) => (part === '/' || part === '-' ? part : casePart(part, first && i === 0)))
    .join('')
}

/** Cases the word inside its brackets and punctuation: "(MERN)", "GST)," */
function casePart(part: string, first: boolean): string {
  const [, open = '', core = '', close = ''] = /^([^\p{L}\p{N}.]*)(.*?)([^\p{L}\p{N}+#]*)$/u.exec(part) ?? []
  if (!core) return part
  // "Sr." spelled out as "Senior" loses its abbreviation dot.
  const tail = ABBREVIATIONS[core.toLowerCase()] && close.startsWith('.') ? close.slice(1) : close
  return `${open}${caseCore(core, first)}${tail}`
}

function caseCore(part: string, first: boolean): string {
  const lower = part.toLowerCase()
  const expanded = ABBREVIATIONS[lower]
  if (expanded) return expanded
  const canonical = CANONICAL_WORDS.get(lower) ?? CANONICAL_WORDS.get(part.toLowerCase())
  if (canonical) return canonical
  if (/\d/.test(part) && part === part.toUpperCase()) return part
  if (!first && SMALL_WORDS.has(lower)) return lower
  // Mixed case written on purpose ("DevOps", "iPhone") is kept; ALL CAPS and all lower are recased.
  if (/[a-z]/.test(part) && /[A-Z]/.test(part.slice(1))) return part
  return part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()
}
