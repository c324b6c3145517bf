import type { Static } from '@sinclair/typebox'
import type { EmploymentType as EmploymentTypeSchema } from '../../../shared/schemas/job-structure.ts'

export type EmploymentType = Static<typeof EmploymentTypeSchema>

/** Rarer types first: their postings often say "full-time" too ("internship with a full-time offer"). */
const TYPES: [EmploymentType, RegExp][] = [
  ['internship', /\binternships?\b|\bintern\b|\bstipend\b|\bapprentice(?:ship)?\b/i],
  ['contract', /\bcontract(?:ual)?(?:[- ]to[- ]hire| (?:role|position|job|basis|employment|assignment|staffing))\b|\bon contract\b|\bcontractual\b|\bc2h\b|\b(?:fixed[- ]term|temporary)\b|\bthird[- ]party payroll\b|^(?:contract)$/im],
  ['freelance', /\bfreelanc(?:e|er|ing)\b/i],
  ['part_time', /\bpart[- ]time\b/i],
  ['full_time', /\bfull[- ]time\b|\bpermanent\b|\bfte\b/i],
]

const LABEL = /^(?:- )?(?:employment|job|work|engagement|position) type\s*[:\-–]\s*(.+)$/im

/**
 * Full-time / part-time / contract / internship / freelance. The labelled
 * line boards print ("Employment Type: Full Time, Permanent") decides; then
 * the title ("Data Analyst Intern"); then the text, where the rarer types
 * are checked first because postings for them say "full-time" too
 * ("6-month internship, full-time conversion on performance").
 */
export function detectEmploymentType(input: { title: string; text: string }): EmploymentType | null {
  const label = LABEL.exec(input.text)?.[1]
  for (const source of [label ?? '', input.title, input.text]) {
    const found = TYPES.find(([, pattern]) => pattern.test(source))
    if (found) return found[0]
  }
  return null
}
