import type { JobStructure } from '#shared/schemas/job-structure.ts'
import type { ResumeProfile } from '#shared/schemas/resume-profile.ts'
import { findSkills } from '../skills/find-skills.ts'

/** What a document is tailored to: the job's skills in the order it asks for them, and its vocabulary. */
export interface JobFocus {
  /** taxonomy ids, required first */
  skills: string[]
  words: Set<string>
}

const WORD = /[a-z][a-z0-9+#.]{3,}/g

export function jobFocus(job: { title: string; structure: JobStructure | null; clean_jd: string | null }): JobFocus {
  const text = `${job.title}\n${job.clean_jd ?? ''}`
  const skills = job.structure
    ? [...new Set([...job.structure.required_skills, ...job.structure.nice_to_have_skills])]
    : findSkills(text).map((s) => s.id)
  return { skills, words: new Set(text.toLowerCase().match(WORD) ?? []) }
}

/** How much a line of the resume speaks to the job: the job's skills it shows, then shared words. */
export function relevance(line: string, focus: JobFocus): number {
  const wanted = new Set(focus.skills)
  const skills = findSkills(line).filter((s) => wanted.has(s.id)).length
  const words = new Set(line.toLowerCase().match(WORD) ?? [])
  let shared = 0
  for (const word of words) if (focus.words.has(word)) shared++
  return skills * 3 + shared * 0.25
}

/** Stable sort by relevance, most relevant first: equally relevant lines keep the resume's order. */
export function byRelevance(lines: readonly string[], focus: JobFocus): string[] {
  return lines
    .map((line, index) => ({ line, index, score: relevance(line, focus) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.line)
}

/** The resume's skills the job asks for (in the job's order) and the rest (in the resume's order). */
export function splitSkills(profile: ResumeProfile, focus: JobFocus): { matched: string[]; other: string[] } {
  const own = new Map(profile.skills.map((s) => [s.id, s.name]))
  const matched = focus.skills.filter((id) => own.has(id)).map((id) => own.get(id) as string)
  const matchedSet = new Set(matched)
  return { matched, other: profile.skills.map((s) => s.name).filter((name) => !matchedSet.has(name)) }
}
