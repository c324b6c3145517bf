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

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9+#]+/).filter((w) => w !== '')
}

/** Occurrences of a word sequence in a word list. */
function countPhrase(haystack: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0) return 0
  let count = 0
  for (let i = 0; i + phrase.length <= haystack.length; i++) {
    let k = 0
    while (k < phrase.length && haystack[i + k] === phrase[k]) k++
    if (k === phrase.length) count++
  }
  return count
}

/**
 * How much a required skill matters: a skill named in the title ("React
 * Developer", "Accountant – Tally") is the core of the role; one the JD
 * repeats matters more than one listed once. The name and the id are both
 * tried because the id is a slug of the name ("power-bi" ~ "Power BI").
 */
function skillImportance(space: FeatureSpace, id: string, titleWords: readonly string[], textWords: readonly string[]): number {
  const phrases = [words(space.skillName(id)), words(id.replace(/[-_]+/g, ' '))]
  const inTitle = phrases.some((p) => countPhrase(titleWords, p) > 0)
  const mentions = Math.max(...phrases.map((p) => countPhrase(textWords, p)))
  const importance = 1 + (inTitle ? 1 : 0) + 0.5 * Math.min(1, Math.max(0, mentions - 1) / 2)
  return space.isLowSignalSkill(id) ? importance / 2 : importance
}

/**
 * Builds the features of one run's jobs. The jobs are the BM25 corpus, so all
 * of a run's jobs are built in one call, and users are built afterwards
 * against the returned space (`buildUserFeatures(space, …)`).
 */
export function buildJobFeatureSet(inputs: readonly JobInput[], options: FeatureSpaceOptions = {}): JobFeatureSet {
  const space = new FeatureSpace(options)
  const tokenised = inputs.map((input) => {
    const tokens = textTokens(`${input.title}\n${input.clean_text ?? ''}`)
    const counts = termCounts(tokens, space.terms)
    space.corpus.addDocument(counts.keys(), tokens.length)
    return { counts, length: tokens.length }
  })
  const jobs = inputs.map((input, i): JobFeatures => {
    const s = input.structure
    const { counts, length } = tokenised[i] as (typeof tokenised)[number]
    const titleWords = words(`${input.title} ${s.title_normalized}`)
    const textWords = words(input.clean_text ?? '')
    const requiredKeys = [...new Set(s.required_skills)]
    const requiredIds = requiredKeys.map((key) => space.skills.intern(key))
    const order = requiredIds.map((_, k) => k).sort((a, b) => (requiredIds[a] as number) - (requiredIds[b] as number))
    const importance = Float32Array.from(order, (k) => skillImportance(space, requiredKeys[k] as string, titleWords, textWords))
    const required = new Set(requiredKeys)
    const niceKeys = s.nice_to_have_skills.filter((key) => !required.has(key))
    const role = roleVector(`${input.title} ${s.title_normalized}`, space.roleTerms)
    return {
      space,
      job_id: input.job_id,
      title: input.title,
      company: input.company,
      required: {
        ids: Uint32Array.from(order, (k) => requiredIds[k] as number),
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
      text: bm25DocumentVector(counts, length, space.corpus),
    }
  })
  return { space, jobs }
}
