/**
 * Job-title ↔ target-role similarity that survives how Indian postings write
 * titles: abbreviations ("SDE-2", "Sr.", "BDE", "Accts Exec"), synonyms
 * ("Developer" = "Engineer"), seniority and level noise, and a city appended
 * to the title. Titles become weighted token sets; specific words (domain:
 * "frontend", "sales", "account") outweigh generic role nouns ("engineer",
 * "executive"), and a stack word implies its domain ("React" → "frontend" →
 * "software") with a lower weight.
 */
import { type Interner } from './interner.ts'
import { isPlaceWord } from './places.ts'

/** Multi-word spellings folded before splitting into words. */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bfront[\s-]*end\b/g, ' frontend '],
  [/\bback[\s-]*end\b/g, ' backend '],
  [/\bfull[\s-]*stack\b/g, ' fullstack '],
  [/\bhuman resources?\b/g, ' hr '],
  [/\btalent acquisition\b/g, ' recruiter '],
  [/\bquality (assurance|analyst|engineer)\b/g, ' qa '],
  [/\bmachine learning\b/g, ' ml '],
  [/\bartificial intelligence\b/g, ' ai '],
  [/\bdata scien(ce|tist)\b/g, ' datascience '],
  [/\bcustomer (service|care|success|support)\b/g, ' customersupport '],
  [/\btech(nical)? support\b/g, ' techsupport '],
  [/\btele[\s-]*(sales|calling|caller)\b/g, ' telesales '],
  [/\bchartered accountant\b/g, ' ca '],
  [/\bbusiness development\b/g, ' bizdev '],
  [/\bc\+\+/g, ' cpp '],
  [/\bc#/g, ' csharp '],
  [/\.net\b/g, ' dotnet '],
  [/\bnode\.?js\b/g, ' node '],
  [/\breact\.?js\b/g, ' react '],
  [/\bvue\.?js\b/g, ' vue '],
  [/\bangular\.?js\b/g, ' angular '],
  [/\bui\s*\/\s*ux\b/g, ' uiux '],
  [/\bsr\./g, ' senior '],
  [/\bjr\./g, ' junior '],
]

/** Word → canonical words. */
const SYNONYMS = new Map<string, readonly string[]>(Object.entries({
  sde: ['software', 'engineer'],
  swe: ['software', 'engineer'],
  sdet: ['software', 'engineer', 'qa'],
  developer: ['engineer'],
  programmer: ['engineer'],
  dev: ['engineer'],
  engg: ['engineer'],
  eng: ['engineer'],
  engineering: ['engineer'],
  coder: ['engineer'],
  sr: ['senior'],
  snr: ['senior'],
  jr: ['junior'],
  mgr: ['manager'],
  exec: ['executive'],
  asst: ['assistant'],
  rep: ['representative'],
  accountant: ['account'],
  accounts: ['account'],
  accounting: ['account'],
  acct: ['account'],
  accts: ['account'],
  analytics: ['analyst'],
  analysis: ['analyst'],
  bde: ['bizdev', 'executive'],
  bdm: ['bizdev', 'manager'],
  bda: ['bizdev', 'associate'],
  bd: ['bizdev'],
  tester: ['qa'],
  testing: ['qa'],
  test: ['qa'],
  telecaller: ['telesales'],
  mern: ['fullstack', 'react', 'node'],
  mean: ['fullstack', 'angular', 'node'],
  reactjs: ['react'],
  nodejs: ['node'],
  recruitment: ['recruiter'],
  selling: ['sales'],
  designer: ['design'],
  designing: ['design'],
  administrator: ['admin'],
  administration: ['admin'],
  sre: ['devops'],
  ml: ['ml', 'datascience'],
  financial: ['finance'],
}))

/** Domain implied by a stack or sub-domain word; transitive ("react" → "frontend" → "software"). */
const IMPLIES = new Map<string, readonly string[]>(Object.entries({
  react: ['frontend'],
  angular: ['frontend'],
  vue: ['frontend'],
  javascript: ['frontend'],
  frontend: ['software'],
  backend: ['software'],
  fullstack: ['software', 'frontend', 'backend'],
  node: ['backend'],
  java: ['backend'],
  python: ['software'],
  golang: ['backend'],
  django: ['backend'],
  spring: ['backend'],
  dotnet: ['backend'],
  php: ['backend'],
  android: ['mobile'],
  ios: ['mobile'],
  flutter: ['mobile'],
  mobile: ['software'],
  devops: ['software'],
  qa: ['software'],
  telesales: ['sales'],
  bizdev: ['sales'],
  recruiter: ['hr'],
  payroll: ['hr'],
  ca: ['account', 'finance'],
  tax: ['account'],
  gst: ['tax'],
  tds: ['tax'],
  tally: ['account'],
  bookkeeper: ['account'],
  audit: ['account'],
  datascience: ['data'],
  bi: ['data', 'analyst'],
  uiux: ['design'],
  techsupport: ['customersupport'],
}))

/** Seniority and level words: experience fit judges seniority, the title should not. */
const DROPPED = new Set([
  'senior', 'junior', 'lead', 'principal', 'staff', 'head', 'chief', 'intern', 'internship', 'trainee', 'fresher',
  'freshers', 'graduate', 'entry', 'level', 'mid', 'i', 'ii', 'iii', 'iv', 'v', 'l1', 'l2', 'l3', 'l4',
  'of', 'for', 'and', 'the', 'in', 'at', 'with', 'to', 'a', 'an', 'or', 'cum', 'job', 'opening', 'vacancy', 'urgent',
  'hiring', 'immediate', 'joiner', 'joiners', 'wfh', 'hybrid', 'onsite', 'work', 'from', 'home', 'office', 'position',
  'role', 'required', 'male', 'female', 'only', 'team', 'member', 'new', 'based', 'location', 'locations',
])

/** Role nouns that say little about the field on their own. */
const GENERIC = new Set([
  'engineer', 'executive', 'manager', 'associate', 'specialist', 'officer', 'assistant', 'consultant',
  'representative', 'coordinator', 'professional', 'expert', 'partner', 'staff', 'analyst', 'administrator',
])

const GENERIC_WEIGHT = 0.4
const IMPLIED_WEIGHT = 0.6

/** Canonical title words with weights; exported for tests and for tokens used by candidate generation. */
export function roleTerms(title: string): Map<string, number> {
  let text = ` ${title.toLowerCase()} `
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement)
  const terms = new Map<string, number>()
  const implied: string[] = []
  for (const raw of text.split(/[^a-z0-9+#]+/)) {
    if (raw === '' || /^[0-9]+$/.test(raw) || isPlaceWord(raw)) continue
    // "sde2", "sde-ii" and "l2" are levels of the same role.
    const word = raw.replace(/^(sde|swe)[0-9]+$/, '$1')
    if (DROPPED.has(word)) continue
    for (const canonical of SYNONYMS.get(word) ?? [word]) {
      terms.set(canonical, GENERIC.has(canonical) ? GENERIC_WEIGHT : 1)
      implied.push(canonical)
    }
  }
  // Implied domains, transitively, never lowering an explicit word's weight.
  while (implied.length > 0) {
    const word = implied.pop() as string
    for (const domain of IMPLIES.get(word) ?? []) {
      if (!terms.has(domain)) {
        terms.set(domain, IMPLIED_WEIGHT)
        implied.push(domain)
      }
    }
  }
  return terms
}

/**
 * Whether a canonical title word is specific enough to retrieve candidates
 * by. Implied domains count: "SDE" and "React Developer" share only the
 * implied "software", and that is a real relation.
 */
export function isSpecificRoleTerm(term: string): boolean {
  return !GENERIC.has(term)
}

/** A title as sorted interned term ids with weights. */
export interface RoleVector {
  readonly label: string
  readonly ids: Uint32Array
  readonly weights: Float32Array
  readonly total: number
}

export function roleVector(title: string, interner: Interner): RoleVector {
  const terms = roleTerms(title)
  return roleVectorFromTerms(title, [...terms.keys()], [...terms.values()], interner)
}

/** `roleVector` from `roleTerms`' output (terms in its order, with their weights), e.g. a persisted one. */
export function roleVectorFromTerms(title: string, terms: readonly string[], termWeights: readonly number[], interner: Interner): RoleVector {
  const entries = terms.map((term, k) => [interner.intern(term), termWeights[k] as number] as const)
  entries.sort((a, b) => a[0] - b[0])
  const ids = new Uint32Array(entries.length)
  const weights = new Float32Array(entries.length)
  // Summed from the stored float32 weights, so a full overlap is exactly 1.
  let total = 0
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k] as (typeof entries)[number]
    ids[k] = entry[0]
    weights[k] = entry[1]
    total += weights[k] as number
  }
  return { label: title, ids, weights, total }
}

/** Share of the target's weight the job title covers. */
const RECALL_SHARE = 0.7

/**
 * The similarity from the weighted overlap (Σ min weight of shared terms): a
 * blend of how much of the target role the job title covers and how much of
 * the title the target explains. Coverage of the target dominates: "Senior
 * React Developer (Bengaluru)" fully answers a "Frontend Developer" search.
 */
export function titleBlend(shared: number, targetTotal: number, jobTotal: number): number {
  if (targetTotal === 0 || jobTotal === 0) return 0
  return RECALL_SHARE * (shared / targetTotal) + (1 - RECALL_SHARE) * (shared / jobTotal)
}

export function titleSimilarity(target: RoleVector, job: RoleVector): number {
  let i = 0
  let j = 0
  let shared = 0
  while (i < target.ids.length && j < job.ids.length) {
    const a = target.ids[i] as number
    const b = job.ids[j] as number
    if (a === b) {
      shared += Math.min(target.weights[i] as number, job.weights[j] as number)
      i++
      j++
    } else if (a < b) i++
    else j++
  }
  return titleBlend(shared, target.total, job.total)
}
