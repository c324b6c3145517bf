import { describe, expect, test } from 'bun:test'
import { buildJobFeatureSet, type JobFeatures } from '../../../server2/agents/fit-score/job-features.ts'
import { scoreJobForUser } from '../../../server2/agents/fit-score/score-job-for-user.ts'
import { buildUserFeatures } from '../../../server2/agents/fit-score/user-features.ts'
import { COMPONENTS, DEFAULT_WEIGHTS } from '../../../server2/agents/fit-score/weights.ts'
import { JOBS, USERS, posting, profile } from './fixtures.ts'

const { space, jobs } = buildJobFeatureSet([
  ...JOBS,
  posting('bare', 'Frontend Developer', 'Stealth Startup', { req: [], loc: [], text: '' }),
])
const job = (id: string): JobFeatures => jobs.find((j) => j.job_id === id) as JobFeatures
const priya = buildUserFeatures(space, USERS.priya)

describe('explanations', () => {
  test('a strong match names its matched skills and the experience fit', () => {
    const { score, components, explanation } = scoreJobForUser(priya, job('f1'), DEFAULT_WEIGHTS)
    expect(score).toBeGreaterThanOrEqual(90)
    expect(Object.keys(components)).toEqual([...COMPONENTS])
    expect(explanation.matched_skills).toEqual(expect.arrayContaining(['React', 'TypeScript', 'JavaScript', 'Redux', 'Next.js', 'Jest']))
    expect(explanation.missing_skills).toEqual([])
    expect(explanation.summary).toStartWith('Strong match: 6 of 6 required skills (React, ')
    expect(explanation.summary).toContain('4 yrs fits 3–5')
  })

  test('missing required skills come first, most important first (a skill in the title outranks the rest)', () => {
    const { explanation } = scoreJobForUser(buildUserFeatures(space, USERS.vikram), job('f5'), DEFAULT_WEIGHTS)
    expect(explanation.matched_skills).toEqual([])
    expect(explanation.missing_skills[0]).toBe('React')
    expect(explanation.missing_skills).toHaveLength(5)
    expect(explanation.summary).toMatch(/^Weak match: 0 of 5 required skills; missing React, /)
  })

  test('nice-to-have skills follow the required ones; unknown names fall back to a readable id', () => {
    const { explanation } = scoreJobForUser(priya, job('f2'), DEFAULT_WEIGHTS)
    expect(explanation.matched_skills.slice(0, 3).sort()).toEqual(['JavaScript', 'React', 'TypeScript'])
    expect(explanation.matched_skills[3]).toBe('Webpack')
    expect([...explanation.missing_skills].sort()).toEqual(['AWS', 'Graphql'])
    expect(explanation.summary).toContain('3 of 3 required skills')
  })

  test('caveats: another city, lower pay, experience out of range', () => {
    const sunita = buildUserFeatures(space, USERS.sunita)
    expect(scoreJobForUser(sunita, job('a3'), DEFAULT_WEIGHTS).explanation.summary).toContain('in Mumbai, outside your locations')
    const assistant = scoreJobForUser(sunita, job('a5'), DEFAULT_WEIGHTS).explanation.summary
    expect(assistant).toContain('6 yrs, above 0–2')
    expect(assistant).toContain('pays up to ₹3 LPA vs ₹6.5 LPA expected')
    expect(scoreJobForUser(priya, job('f3'), DEFAULT_WEIGHTS).explanation.summary).toContain('remote')
  })

  test('missing data is neutral, not zero', () => {
    const { components, explanation } = scoreJobForUser(priya, job('bare'), DEFAULT_WEIGHTS)
    expect(components.required_skills).toBe(0.5)
    expect(components.nice_skills).toBe(0.5)
    expect(components.experience).toBe(0.5)
    expect(components.location).toBe(0.5)
    expect(components.salary).toBe(0.5)
    expect(components.title).toBe(1)
    expect(explanation.summary).toContain('no skills listed')

    const blank = buildUserFeatures(space, {
      user_id: 'blank',
      profile: profile({ name: 'X', location: '', summary: '', years: 3, roles: [], skills: [] }),
      target_roles: [],
      locations: [],
      expected_salary_inr: null,
    })
    const result = scoreJobForUser(blank, job('f1'), DEFAULT_WEIGHTS)
    expect(result.components.required_skills).toBe(0.5)
    expect(result.components.title).toBe(0.5)
    expect(result.components.salary).toBe(0.5)
    expect(result.components.text).toBe(0.5)
  })

  test('soft skills and languages weigh half in required coverage when the taxonomy says so', () => {
    const sales = posting('cs', 'Inside Sales Executive', 'Acme', { req: ['communication', 'crm'], loc: ['Noida'], text: 'Calls and CRM.' })
    const arjunWithout = (options: Parameters<typeof buildJobFeatureSet>[1]) => {
      const set = buildJobFeatureSet([sales], options)
      const user = buildUserFeatures(set.space, {
        ...USERS.arjun,
        profile: { ...USERS.arjun.profile, skills: USERS.arjun.profile.skills.filter((s) => s.id !== 'crm') },
      })
      return scoreJobForUser(user, set.jobs[0] as JobFeatures, DEFAULT_WEIGHTS).components.required_skills
    }
    expect(arjunWithout({})).toBe(0.5)
    expect(arjunWithout({ skillCategory: (id) => (id === 'communication' ? 'soft_skill' : 'sales') })).toBe(0.333)
  })

  test('without target roles the latest job titles stand in', () => {
    const noRoles = buildUserFeatures(space, { ...USERS.rahul, target_roles: [] })
    expect(scoreJobForUser(noRoles, job('d1'), DEFAULT_WEIGHTS).components.title).toBe(1)
  })

  test('expected salary falls back to the resume, then to current CTC plus a typical hike', () => {
    const fromCurrent = buildUserFeatures(space, { ...USERS.priya, expected_salary_inr: null })
    expect(fromCurrent.expectedSalary).toBe(17 * 100_000 * 1.2)
  })
})
