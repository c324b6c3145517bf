import type { JobStructure } from '../../../shared/schemas/job-structure.ts'
import { bm25DocumentVector, type SparseVector, termCounts } from './bm25.ts'
import { experienceRange, type YearsRange } from './experience-fit.ts'
import { FeatureSpace, type FeatureSpaceOptions } from './feature-space.ts'
import { internSet } from './interner.ts'
import { type JobPlaces, jobPlaces } from './location-fit.ts'
import { textTokens } from './text-tokens.ts'
import { isSpecificRoleTerm, type RoleVector, roleVector } from './title-similarity.ts'

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

/**
 * Builds the features of one run's jobs. The jobs are the BM25 corpus, so all
 * of a run's jobs are built in one call, and users are built afterwards
 * against the returned space (`buildUserFeatures(space, …)`).
 */
export function buildJobFeatureSet(inputs: readonly JobInput[], options: FeatureSpaceOptions = {}): JobFeatureSet {
  const space = new FeatureSpace(options)
  // Pass 1: tokens, counts and everything that needs no corpus statistics.
  const firstPass = inputs.map((input) => {
    const s = input.structure
    const bodyTokens = textTokens(input.clean_text ?? '')
    const counts = termCounts([...textTokens(input.title), ...bodyTokens], space.terms)
    space.corpus.addDocument(counts.ids, counts.length)
    const requiredKeys = [...new Set(s.required_skills)]
    const titleTokens = textTokens(`${input.title} ${s.title_normalized}`)
    const importance = skillImportances(space, requiredKeys, titleTokens, bodyTokens)
    const byId = requiredKeys
      .map((key, k) => ({ id: space.skills.intern(key), importance: importance[k] as number }))
      .sort((a, b) => a.id - b.id)
    const required = new Set(requiredKeys)
    const niceKeys = s.nice_to_have_skills.filter((key) => !required.has(key))
    return { counts, byId, requiredKeys, niceKeys }
  })
  // Pass 2: BM25 vectors, now that the corpus is complete.
  const jobs = inputs.map((input, i): JobFeatures => {
    const s = input.structure
    const { counts, byId, requiredKeys, niceKeys } = firstPass[i] as (typeof firstPass)[number]
    const importance = Float32Array.from(byId, (r) => r.importance)
    const role = roleVector(`${input.title} ${s.title_normalized}`, space.roleTerms)
    return {
      space,
      job_id: input.job_id,
      title: input.title,
      company: input.company,
      required: {
        ids: Uint32Array.from(byId, (r) => r.id),
        importance,
        totalImportance: importance.reduce((sum, w) => sum + w, 0),
      },
      nice: internSet(space.skills, niceKeys),
      indexSkills: internSet(
        space.skills,
        [...requiredKeys, ...niceKeys].filter((key) => !space.isLowSignalSkill(key)),
      ),
      role,
      roleIndexTerms: role.ids.filter((id) => isSpecificRoleTerm(space.roleTerms.keyOf(id))),
      statedYears: { min: s.experience_min_years, max: s.experience_max_years },
      years: experienceRange(s.experience_min_years, s.experience_max_years, s.seniority),
      salaryMin: s.salary_min_inr,
      salaryMax: s.salary_max_inr,
      places: jobPlaces(s.locations, s.work_mode),
      text: bm25DocumentVector(counts, space.corpus),
    }
  })
  return { space, jobs }
}
