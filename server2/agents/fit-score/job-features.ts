import type { JobStructure } from '../../../shared/schemas/job-structure.ts'
import { bm25DocumentVector, type SparseVector, type TermCounts } from './bm25.ts'
import { experienceRange, type YearsRange } from './experience-fit.ts'
import { FeatureSpace, type FeatureSpaceOptions } from './feature-space.ts'
import { internSet } from './interner.ts'
import { type JobPlaces, jobPlaces } from './location-fit.ts'
import { textTokens } from './text-tokens.ts'
import { isSpecificRoleTerm, type RoleVector, roleTerms, roleVectorFromTerms } from './title-similarity.ts'

/** A cleaned job as the JD-cleaning agent leaves it in `jobs`. */
export interface JobInput {
  readonly job_id: string
  readonly title: string
  readonly company: string
  readonly structure: JobStructure
  /** `jobs.clean_jd`; null when only the structure is known */
  readonly clean_text: string | null
}

/** Required skills with how much each matters to this job. */
export interface WeightedSkills {
  /** interned skill ids, ascending */
  readonly ids: Uint32Array
  /** importance aligned with ids */
  readonly importance: Float32Array
  readonly totalImportance: number
}

/** Everything scoring needs about one job, precomputed once per run. */
export interface JobFeatures {
  readonly space: FeatureSpace
  readonly job_id: string
  readonly title: string
  readonly company: string
  readonly required: WeightedSkills
  /** interned nice-to-have skill ids not also required, ascending */
  readonly nice: Uint32Array
  /** required and nice-to-have skills that retrieve candidates (not soft skills or languages), ascending */
  readonly indexSkills: Uint32Array
  readonly role: RoleVector
  /** interned specific title terms, for candidate generation */
  readonly roleIndexTerms: Uint32Array
  /** the range as the JD states it (for explanations) */
  readonly statedYears: { readonly min: number | null; readonly max: number | null }
  readonly years: YearsRange | null
  readonly salaryMin: number | null
  readonly salaryMax: number | null
  readonly places: JobPlaces
  readonly text: SparseVector
}

export interface JobFeatureSet {
  readonly space: FeatureSpace
  readonly jobs: JobFeatures[]
}

/** How often each word sequence occurs in a token list; one pass for all one-word phrases. */
function phraseCounts(tokens: readonly string[], phrases: readonly (readonly string[])[]): number[] {
  const single = new Map<string, number>()
  for (const phrase of phrases) if (phrase.length === 1) single.set(phrase[0] as string, 0)
  for (const token of tokens) {
    const seen = single.get(token)
    if (seen !== undefined) single.set(token, seen + 1)
  }
  return phrases.map((phrase) => {
    if (phrase.length === 0) return 0
    if (phrase.length === 1) return single.get(phrase[0] as string) ?? 0
    let count = 0
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      let k = 0
      while (k < phrase.length && tokens[i + k] === phrase[k]) k++
      if (k === phrase.length) count++
    }
    return count
  })
}

/**
 * How much each required skill matters: a skill named in the title ("React
 * Developer", "Accountant – Tally") is the core of the role; one the JD
 * repeats matters more than one listed once; soft skills and languages half
 * as much. The name and the id are both tried because the id is a slug of
 * the name ("power-bi" ~ "Power BI"); both go through the same tokenizer as
 * the JD, so plurals and punctuation match.
 */
function skillImportances(space: FeatureSpace, ids: readonly string[], titleTokens: readonly string[], tokens: readonly string[]): number[] {
  const phrases = ids.flatMap((id) => [textTokens(space.skillName(id)), textTokens(id.replace(/[-_]+/g, ' '))])
  const inTitle = phraseCounts(titleTokens, phrases)
  const mentions = phraseCounts(tokens, phrases)
  return ids.map((id, k) => {
    const titled = (inTitle[2 * k] as number) + (inTitle[2 * k + 1] as number) > 0
    const repeats = Math.max(mentions[2 * k] as number, mentions[2 * k + 1] as number)
    const importance = 1 + (titled ? 1 : 0) + 0.5 * Math.min(1, Math.max(0, repeats - 1) / 2)
    return space.isLowSignalSkill(id) ? importance / 2 : importance
  })
}

/** Bump when `extractJob`'s output changes: persisted extracts of another version are re-extracted. */
export const FEATURE_VERSION = 1

/**
 * What one job contributes to its features independently of the other jobs:
 * string-level, JSON-serialisable, persisted in `job_features` so a full scan
 * does not re-tokenise 30,000 JDs. Terms are kept in first-occurrence order and
 * keys in the order the build interns them, so assembling extracts gives the
 * same interned ids, and hence bit-identical scores, as building from text.
 */
export interface JobExtract {
  /** distinct title + body tokens in first-occurrence order, with their counts */
  readonly terms: readonly string[]
  readonly tfs: readonly number[]
  /** token count */
  readonly length: number
  /** distinct required skill keys in JD order, with their importance */
  readonly required: readonly string[]
  readonly importance: readonly number[]
  /** nice-to-have keys not also required */
  readonly nice: readonly string[]
  /** required and nice keys that retrieve candidates (not soft skills or languages) */
  readonly index: readonly string[]
  /** `roleTerms(title)` in its order */
  readonly roleTerms: readonly string[]
  readonly roleWeights: readonly number[]
  readonly yearsMin: number | null
  readonly yearsMax: number | null
  readonly seniority: JobStructure['seniority']
  readonly salaryMin: number | null
  readonly salaryMax: number | null
  readonly locations: readonly string[]
  readonly workMode: JobStructure['work_mode']
}

/** A job as a full scan reads it back: identity plus its persisted extract. */
export interface ExtractedJob {
  readonly job_id: string
  readonly title: string
  readonly company: string
  readonly extract: JobExtract
}

/** The string-level features of one job (see `JobExtract`); needs the taxonomy lookups of the space. */
export function extractJob(input: JobInput, options: FeatureSpaceOptions = {}, probe = new FeatureSpace(options)): JobExtract {
  const s = input.structure
  const bodyTokens = textTokens(input.clean_text ?? '')
  const tfByTerm = new Map<string, number>()
  let length = 0
  for (const token of textTokens(input.title)) {
    tfByTerm.set(token, (tfByTerm.get(token) ?? 0) + 1)
    length++
  }
  for (const token of bodyTokens) {
    tfByTerm.set(token, (tfByTerm.get(token) ?? 0) + 1)
    length++
  }
  const requiredKeys = [...new Set(s.required_skills)]
  const titleTokens = textTokens(`${input.title} ${s.title_normalized}`)
  const importance = skillImportances(probe, requiredKeys, titleTokens, bodyTokens)
  const required = new Set(requiredKeys)
  const niceKeys = s.nice_to_have_skills.filter((key) => !required.has(key))
  const role = roleTerms(`${input.title} ${s.title_normalized}`)
  return {
    terms: [...tfByTerm.keys()],
    tfs: [...tfByTerm.values()],
    length,
    required: requiredKeys,
    importance,
    nice: niceKeys,
    index: [...requiredKeys, ...niceKeys].filter((key) => !probe.isLowSignalSkill(key)),
    roleTerms: [...role.keys()],
    roleWeights: [...role.values()],
    yearsMin: s.experience_min_years,
    yearsMax: s.experience_max_years,
    seniority: s.seniority,
    salaryMin: s.salary_min_inr,
    salaryMax: s.salary_max_inr,
    locations: s.locations,
    workMode: s.work_mode,
  }
}

/** `extractJob` for many jobs, with their identity, ready for `assembleJobFeatureSet` or `job_features`. */
export function extractJobs(inputs: readonly JobInput[], options: FeatureSpaceOptions = {}): ExtractedJob[] {
  const probe = new FeatureSpace(options)
  return inputs.map((input) => ({ job_id: input.job_id, title: input.title, company: input.company, extract: extractJob(input, options, probe) }))
}

/** Distinct terms one JD may have (positions packed below ids when sorting). */
const TERM_SLOTS = 65_536

/** Parsed places per (locations, mode): a market repeats a few hundred combinations. */
const placesMemo = new Map<string, JobPlaces>()

function memoJobPlaces(locations: readonly string[], mode: JobStructure['work_mode']): JobPlaces {
  const key = `${mode}\u0000${locations.join('\u0000')}`
  let places = placesMemo.get(key)
  if (places === undefined) {
    places = jobPlaces(locations, mode)
    if (placesMemo.size < 100_000) placesMemo.set(key, places)
  }
  return places
}

/**
 * Builds the features of jobs from their extracts; the jobs are the BM25
 * corpus. Interning happens in the same order as building from text would
 * (pass 1: terms and required skills, job by job; pass 2: title terms, nice
 * and index skills), so the ids, vectors and scores are the same.
 */
export function assembleJobFeatureSet(items: readonly ExtractedJob[], options: FeatureSpaceOptions = {}): JobFeatureSet {
  const space = new FeatureSpace(options)
  const firstPass = items.map(({ extract: e }) => {
    // Ids ascending with their counts: sort (id, position) packed into one number; plain loops, this runs 30,000 times a scan.
    const n = e.terms.length
    const slots = n < TERM_SLOTS ? TERM_SLOTS : n
    const packed = new Float64Array(n)
    for (let k = 0; k < n; k++) packed[k] = space.terms.intern(e.terms[k] as string) * slots + k
    packed.sort()
    const counts: TermCounts = { ids: new Uint32Array(n), tfs: new Uint32Array(n), length: e.length }
    for (let k = 0; k < n; k++) {
      const value = packed[k] as number
      const slot = value % slots
      counts.ids[k] = (value - slot) / slots
      counts.tfs[k] = e.tfs[slot] as number
    }
    space.corpus.addDocument(counts.ids, counts.length)
    const byId = e.required
      .map((key, k) => ({ id: space.skills.intern(key), importance: e.importance[k] as number }))
      .sort((a, b) => a.id - b.id)
    return { counts, byId }
  })
  const jobs = items.map(({ job_id, title, company, extract: e }, i): JobFeatures => {
    const { counts, byId } = firstPass[i] as (typeof firstPass)[number]
    const requiredIds = new Uint32Array(byId.length)
    const importance = new Float32Array(byId.length)
    let totalImportance = 0
    for (let k = 0; k < byId.length; k++) {
      const r = byId[k] as (typeof byId)[number]
      requiredIds[k] = r.id
      importance[k] = r.importance
      totalImportance += importance[k] as number
    }
    const role = roleVectorFromTerms(title, e.roleTerms, e.roleWeights, space.roleTerms)
    let text: SparseVector | undefined
    return {
      space,
      job_id,
      title,
      company,
      required: { ids: requiredIds, importance, totalImportance },
      nice: internSet(space.skills, e.nice),
      indexSkills: internSet(space.skills, e.index),
      role,
      roleIndexTerms: role.ids.filter((id) => isSpecificRoleTerm(space.roleTerms.keyOf(id))),
      statedYears: { min: e.yearsMin, max: e.yearsMax },
      years: experienceRange(e.yearsMin, e.yearsMax, e.seniority),
      salaryMin: e.salaryMin,
      salaryMax: e.salaryMax,
      places: memoJobPlaces(e.locations, e.workMode),
      // Computed on first use, after the corpus is complete: a full scan needs it only for its candidates.
      get text(): SparseVector {
        text ??= bm25DocumentVector(counts, space.corpus)
        return text
      },
    }
  })
  return { space, jobs }
}

/**
 * Builds the features of one run's jobs. The jobs are the BM25 corpus, so all
 * of a run's jobs are built in one call, and users are built afterwards
 * against the returned space (`buildUserFeatures(space, …)`).
 */
export function buildJobFeatureSet(inputs: readonly JobInput[], options: FeatureSpaceOptions = {}): JobFeatureSet {
  return assembleJobFeatureSet(extractJobs(inputs, options), options)
}
