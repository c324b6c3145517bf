import type { SkillCategory } from './categories.ts'
import { aliasKey } from './tokenize.ts'
import taxonomy from './taxonomy.json'

export type Skill = {
  id: string
  name: string
  category: SkillCategory
  aliases: string[]
  /** Forms (name or aliases) that count only as written or in capitals: "ML" is machine learning, "ml" is millilitres. */
  case_sensitive?: string[]
  /**
   * Forms that are also letters or everyday words ("C", "R", "Go", "Excel"): they count only in a skills-like
   * context ("in Go.", "Go developer", "Node and Express") as written, or in any case as a plain list entry
   * ("python, go, rust"). One-letter forms must always be written in capitals.
   */
  needs_context?: string[]
}

const skills = taxonomy as Skill[]
const byId = new Map(skills.map((s) => [s.id, s]))
const byKey = new Map<string, string>()
for (const s of skills) for (const form of [s.name, ...s.aliases]) byKey.set(aliasKey(form), s.id)

export function allSkills(): readonly Skill[] {
  return skills
}

export function getSkill(id: string): Skill | undefined {
  return byId.get(id)
}

/** Maps a skill name or alias in any spelling ("node js", "MS-Excel", "APIs") to its id, or null if unknown. */
export function normalizeSkillName(name: string): string | null {
  const key = aliasKey(name)
  const exact = byKey.get(key)
  if (exact) return exact
  return key.length > 4 && key.endsWith('s') && !key.endsWith('ss') ? (byKey.get(key.slice(0, -1)) ?? null) : null
}
