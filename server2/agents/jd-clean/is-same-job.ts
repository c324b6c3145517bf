import type { JobStructure } from '../../../shared/schemas/job-structure.ts'
import { normalizeForHash } from './content-hash.ts'
import { companyInitials, normalizeCompanyName, sameCompany } from './normalize-company.ts'

/** What duplicate detection needs of a cleaned job (a jobs row has all of it). */
export interface DuplicateCandidate {
  company: string
  content_hash: string
  clean_text?: string
  structure: Pick<JobStructure, 'title_normalized' | 'seniority' | 'locations' | 'experience_min_years'>
}

export interface DuplicateMatch {
  reason: 'content_hash' | 'fuzzy'
  title_similarity: number
  /** null when either side came without clean text */
  text_similarity: number | null
}

/** Titles this close name the same role ("Sr. Java Developer" / "Senior Java Developers"). */
const MIN_TITLE_SIMILARITY = 0.8
/** Two boards' copies of one posting share most of their wording even after different trimming. */
const MIN_TEXT_SIMILARITY = 0.35
/** Experience asks further apart than this are different openings. */
const MAX_EXPERIENCE_GAP_YEARS = 2

/**
 * Whether two postings are the same job, and why. Equal content hashes are
 * the same job. Otherwise the employer must be the same (after legal
 * suffixes and initials: "Infosys Ltd" = "Infosys Limited", "TCS" = "Tata
 * Consultancy Services"), the titles nearly equal, the levels, cities and
 * experience compatible, and, when both texts are known, the texts alike:
 * a big employer posts many "Software Engineer" jobs in one city that are
 * different openings.
 */
export function matchDuplicate(a: DuplicateCandidate, b: DuplicateCandidate): DuplicateMatch | null {
  const title_similarity = titleSimilarity(a.structure.title_normalized, b.structure.title_normalized)
  if (a.content_hash === b.content_hash) return { reason: 'content_hash', title_similarity, text_similarity: null }
  if (!sameCompany(a.company, b.company) || title_similarity < MIN_TITLE_SIMILARITY) return null
  if (a.structure.seniority && b.structure.seniority && a.structure.seniority !== b.structure.seniority) return null
  const [la, lb] = [a.structure.locations, b.structure.locations]
  if (la.length > 0 && lb.length > 0 && !la.some((city) => lb.includes(city))) return null
  const [ea, eb] = [a.structure.experience_min_years, b.structure.experience_min_years]
  if (ea !== null && eb !== null && Math.abs(ea - eb) > MAX_EXPERIENCE_GAP_YEARS) return null
  const text_similarity = a.clean_text && b.clean_text ? textSimilarity(a.clean_text, b.clean_text) : null
  if (text_similarity !== null && text_similarity < MIN_TEXT_SIMILARITY) return null
  return { reason: 'fuzzy', title_similarity, text_similarity }
}

export function isSameJob(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  return matchDuplicate(a, b) !== null
}

/**
 * Groups a batch into sets of the same job (indices into `jobs`, each group
 * in input order, singletons included). Only jobs of the same employer key
 * or hash are compared, so a scrape run of thousands stays cheap.
 */
export function groupDuplicates(jobs: DuplicateCandidate[]): number[][] {
  const parent = jobs.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root] ?? root
    return root
  }
  const buckets = new Map<string, number[]>()
  jobs.forEach((job, i) => {
    const keys = [`hash:${job.content_hash}`, `company:${normalizeCompanyName(job.company)}`, `initials:${companyInitials(job.company)}`]
    for (const key of keys) {
      const bucket = buckets.get(key) ?? []
      for (const j of bucket) {
        const other = jobs[j]
        if (other && find(i) !== find(j) && isSameJob(other, job)) parent[find(i)] = find(j)
      }
      bucket.push(i)
      buckets.set(key, bucket)
    }
  })
  const groups = new Map<number, number[]>()
  jobs.forEach((_, i) => {
    const root = find(i)
    groups.set(root, [...(groups.get(root) ?? []), i])
  })
  return [...groups.values()]
}

function titleTokens(title: string): Set<string> {
  return new Set(
    normalizeForHash(title)
      .split(' ')
      .filter(Boolean)
      .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)),
  )
}

/** Dice coefficient of title words (plural-insensitive). */
export function titleSimilarity(a: string, b: string): number {
  return dice(titleTokens(a), titleTokens(b))
}

/** Dice coefficient of word 3-grams: shared wording, insensitive to markup and order of sections. */
export function textSimilarity(a: string, b: string): number {
  return dice(shingles(a), shingles(b))
}

function shingles(text: string): Set<string> {
  const words = normalizeForHash(text).split(' ').filter(Boolean)
  if (words.length < 3) return new Set(words)
  const out = new Set<string>()
  for (let i = 0; i + 3 <= words.length; i++) out.add(words.slice(i, i + 3).join(' '))
  return out
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return (2 * shared) / (a.size + b.size)
}
