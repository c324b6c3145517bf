import { CorpusStats } from './bm25.ts'
import { Interner } from './interner.ts'

export interface FeatureSpaceOptions {
  /** Display name for a canonical skill id (the skills taxonomy's lookup, when wired). */
  readonly skillName?: (id: string) => string | undefined
}

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
