import { findSkills } from '../skills/find-skills.ts'
import type { Section } from './split-sections.ts'

/** A line that marks its own skills optional: "Kafka is a plus", "Good to have: Docker". */
const NICE_LINE =
  /\b(?:good|nice|great) to have\b|\b(?:is|are|would be|will be|be) an? (?:plus|bonus|advantage)\b|\badded advantage\b|\bplus points?\b|\bbrownie points\b|\bpreferred\b|\bpreferably\b|\bdesirable\b|\bnot mandatory\b|\boptional\b|\bbonus\b/i

export interface SkillSplit {
  required: string[]
  nice_to_have: string[]
}

/**
 * Taxonomy skill ids asked for by the posting, split by how they are asked:
 * skills under "Good to have" / "Preferred" / "Bonus" headings or on lines
 * that call them a plus are nice-to-have; skills anywhere else in the role
 * (title, responsibilities, requirements) are required. A skill named both
 * ways is required. "About us" sections are not read: a company's own stack
 * there is not asked of the candidate. Ids keep the order of first mention.
 */
export function extractSkills(title: string, sections: Section[]): SkillSplit {
  const lines: { text: string; nice: boolean }[] = [{ text: title, nice: false }]
  for (const section of sections) {
    if (section.kind === 'about_company') continue
    for (const line of section.lines) {
      if (line !== '') lines.push({ text: line, nice: section.kind === 'nice_to_have' || NICE_LINE.test(line) })
    }
  }
  const starts: number[] = []
  let offset = 0
  for (const line of lines) {
    starts.push(offset)
    offset += line.text.length + 1
  }
  const lineAt = (index: number): number => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] ?? 0) <= index) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  const hits = findSkills(lines.map((l) => l.text).join('\n'))
    .map((hit) => ({
      id: hit.id,
      first: Math.min(...hit.matches.map((m) => m.index)),
      required: hit.matches.some((m) => !lines[lineAt(m.index)]?.nice),
    }))
    .toSorted((a, b) => a.first - b.first)
  return {
    required: hits.filter((h) => h.required).map((h) => h.id),
    nice_to_have: hits.filter((h) => !h.required).map((h) => h.id),
  }
}
