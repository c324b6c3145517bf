import { CorpusStats } from './bm25.ts'
import { Interner } from './interner.ts'

export interface FeatureSpaceOptions {
  /** Display name for a canonical skill id (the skills taxonomy's lookup, when wired). */
  readonly skillName?: (id: string) => string | undefined
  /** Taxonomy category of a skill id; soft skills and languages then count less (see `isLowSignalSkill`). */
  readonly skillCategory?: (id: string) => string | undefined
}

/**
 * Categories that nearly every posting lists ("communication", "English"):
 * they say little about whether someone fits the role, so they weigh half
 * as much in coverage and do not retrieve candidates on their own.
 */
const LOW_SIGNAL_CATEGORIES = new Set(['soft_skill', 'language'])

/**
 * The shared vocabulary of one scoring run: interned skill ids, title terms
 * and text terms, plus the job corpus statistics the BM25 weights need. Job
 * and user features built against one space compare by integer id.
 */
export class FeatureSpace {
  readonly skills = new Interner()
  readonly roleTerms = new Interner()
  readonly terms = new Interner()
  readonly corpus = new CorpusStats()
  private readonly learnedNames = new Map<string, string>()

  constructor(private readonly options: FeatureSpaceOptions = {}) {}

  /** Resume profiles carry display names for their skills; remembered for explanations. */
  learnSkillName(id: string, name: string): void {
    if (name.trim() !== '' && !this.learnedNames.has(id)) this.learnedNames.set(id, name.trim())
  }

  isLowSignalSkill(id: string): boolean {
    const category = this.options.skillCategory?.(id)
    return category !== undefined && LOW_SIGNAL_CATEGORIES.has(category)
  }

  /** The best display name known for a skill id, falling back to a readable form of the id. */
  skillName(id: string): string {
    const name = this.options.skillName?.(id) ?? this.learnedNames.get(id)
    if (name !== undefined) return name
    const words = id.split(/[-_\s]+/).filter((w) => w !== '')
    // Short ids are usually acronyms (sql, gst, aws); longer ones words (tally, kubernetes).
    if (words.length === 1 && id.length <= 3) return id.toUpperCase()
    return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ')
  }
}
