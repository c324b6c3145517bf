import { describe, expect, test } from 'bun:test'
import { Value } from '@sinclair/typebox/value'
import { normalizeSkillName } from '../../../server2/agents/skills/find-skills.ts'
import { cleanJobDescription } from '../../../server2/agents/jd-clean/clean-job-description.ts'
import { JobStructure } from '../../../shared/schemas/job-structure.ts'
import { POSTINGS } from './postings.ts'

function skillId(name: string): string {
  const id = normalizeSkillName(name)
  if (id === null) throw new Error(`the skills taxonomy has no "${name}"`)
  return id
}

test('the table covers at least 30 postings from every board shape', () => {
  expect(POSTINGS.length).toBeGreaterThanOrEqual(30)
  const sources = new Set(POSTINGS.map((p) => p.source))
  for (const board of ['naukri', 'linkedin', 'indeed', 'greenhouse', 'lever', 'ashby']) expect(sources).toContain(board)
  expect(POSTINGS.filter((p) => !p.raw_jd.includes('<')).length).toBeGreaterThanOrEqual(5)
})

describe.each(POSTINGS)('$name', (posting) => {
  const { structure, clean_text, content_hash } = cleanJobDescription(posting)
  const { required, nice, absent = [], ...fields } = posting.expected

  test('matches the JobStructure schema', () => {
    expect(Value.Check(JobStructure, structure)).toBe(true)
    expect(content_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(structure.title).toBe(posting.title)
  })

  test('extracts every scalar field', () => {
    const { required_skills: _r, nice_to_have_skills: _n, title: _t, ...actual } = structure
    expect(actual).toEqual(fields)
  })

  test('splits skills into required and nice-to-have', () => {
    for (const name of required) expect(structure.required_skills).toContain(skillId(name))
    for (const name of nice) expect(structure.nice_to_have_skills).toContain(skillId(name))
    for (const id of structure.nice_to_have_skills) expect(structure.required_skills).not.toContain(id)
    for (const name of absent) {
      expect(structure.required_skills).not.toContain(skillId(name))
      expect(structure.nice_to_have_skills).not.toContain(skillId(name))
    }
  })

  test('clean text has no markup or board chrome', () => {
    expect(clean_text).not.toMatch(/<[a-z/][^>]*>/i)
    expect(clean_text).not.toMatch(/&amp;|&nbsp;|Easy Apply|Show more|Report this job|Login to apply|Posted: \d/i)
    expect(clean_text).not.toMatch(/equal opportunity/i)
  })
})
