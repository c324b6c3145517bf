import type { ProfileSkill } from '../../../shared/schemas/resume-profile.ts'
import { findSkills } from '../skills/find-skills.ts'
import { stripBullet } from './resume-lines.ts'
import type { ResumeSection } from './split-sections.ts'

/** Enough evidence to show where a skill is used without repeating every mention. */
const MAX_EVIDENCE = 5
const MAX_SNIPPET = 160

/**
 * Email addresses and profile links name services, not skills: "karan@zoho.com"
 * is not Zoho CRM, "github.com/rverma" is not Git experience. They are blanked
 * out, keeping every other character at its offset.
 */
function maskAddresses(text: string): string {
  return text.replace(/\S+@\S+|\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|in|io|me|dev|net|org|co)\/\S*/gi, (m) => ' '.repeat(m.length))
}

function snippetAround(line: string, lineOffset: number, index: number): string {
  const text = stripBullet(line) || line.trim()
  if (text.length <= MAX_SNIPPET) return text
  const at = Math.max(0, index - lineOffset - Math.max(0, line.indexOf(text)))
  const from = Math.max(0, Math.min(at - MAX_SNIPPET / 2, text.length - MAX_SNIPPET))
  return `${from > 0 ? '…' : ''}${text.slice(from, from + MAX_SNIPPET).trim()}${from + MAX_SNIPPET < text.length ? '…' : ''}`
}

/**
 * Taxonomy skills mentioned anywhere in the resume, each with the sections and
 * lines that mention it. A skill used in experience or projects is stronger
 * evidence than one only listed, so the profile keeps every place, and the
 * skills seen most widely come first.
 */
export function findSkillsWithEvidence(text: string, sections: ResumeSection[]): ProfileSkill[] {
  const located = sections
    .flatMap((section) => section.lines.map((line) => ({ kind: section.kind, line })))
    .toSorted((a, b) => a.line.offset - b.line.offset)
  const lineAt = (index: number) => located.findLast(({ line }) => line.offset <= index && index < line.offset + line.text.length + 1)

  const found = findSkills(maskAddresses(text)).map((hit) => {
    const evidence: ProfileSkill['evidence'] = []
    for (const match of hit.matches) {
      const place = lineAt(match.index)
      if (!place) continue
      const item = { section: place.kind, snippet: snippetAround(place.line.text, place.line.offset, match.index) }
      if (!evidence.some((e) => e.section === item.section && e.snippet === item.snippet)) evidence.push(item)
    }
    const first = hit.matches[0]?.index ?? 0
    return { skill: { id: hit.id, name: hit.name, category: hit.category, evidence: evidence.slice(0, MAX_EVIDENCE) }, first }
  })
  return found
    .toSorted((a, b) => new Set(b.skill.evidence.map((e) => e.section)).size - new Set(a.skill.evidence.map((e) => e.section)).size || a.first - b.first)
    .map(({ skill }) => skill)
}
