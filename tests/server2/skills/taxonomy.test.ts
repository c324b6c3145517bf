import { describe, expect, test } from 'bun:test'
import { SKILL_CATEGORIES } from '../../../server2/agents/skills/categories.ts'
import { allSkills, getSkill } from '../../../server2/agents/skills/find-skills.ts'
import { aliasKey } from '../../../server2/agents/skills/tokenize.ts'

const skills = allSkills()

describe('skills taxonomy', () => {
  test('has at least 1,500 skills', () => {
    expect(skills.length).toBeGreaterThanOrEqual(1500)
  })

  test('ids are unique lowercase kebab/underscore', () => {
    const ids = skills.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/)
  })

  test('no name or alias points to two skills', () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const s of skills) {
      for (const form of new Set([s.name, ...s.aliases].map(aliasKey))) {
        const other = owner.get(form)
        if (other && other !== s.id) clashes.push(`${form}: ${other} / ${s.id}`)
        owner.set(form, s.id)
      }
    }
    expect(clashes).toEqual([])
  })

  test('every skill has a known category, a name and only real aliases', () => {
    const categories = new Set<string>(SKILL_CATEGORIES)
    for (const s of skills) {
      expect(categories.has(s.category)).toBe(true)
      expect(s.name.trim()).toBe(s.name)
      expect(s.name.length).toBeGreaterThan(0)
      for (const alias of s.aliases) expect(aliasKey(alias).length).toBeGreaterThan(0)
      const forms = new Set([s.name, ...s.aliases])
      for (const form of [...(s.case_sensitive ?? []), ...(s.needs_context ?? [])]) expect(forms.has(form)).toBe(true)
    }
  })

  test('every category is used, tech and non-tech alike', () => {
    const used = new Set(skills.map((s) => s.category))
    for (const category of SKILL_CATEGORIES) expect(used.has(category)).toBe(true)
  })

  test('covers the Indian market staples', () => {
    for (const id of [
      'tally',
      'tally-erp-9',
      'tally-prime',
      'gst',
      'gst-returns-filing',
      'tds',
      'bank-reconciliation',
      'ind-as',
      'sap-fico',
      'mis-reporting',
      'recruitment',
      'payroll',
      'pf-esi-compliance',
      'hrms',
      'b2b-sales',
      'inside-sales',
      'channel-sales',
      'field-sales',
      'key-account-management',
      'seo',
      'google-ads',
      'meta-ads',
      'performance-marketing',
      'voice-process',
      'non-voice-process',
      'zoho-crm',
      'freshdesk',
      'figma',
      'coreldraw',
      'autocad',
      'hindi',
      'english',
      'communication-skills',
    ]) {
      expect(getSkill(id)?.id).toBe(id)
    }
  })
})
