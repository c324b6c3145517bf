import { describe, expect, test } from 'bun:test'
import { buildJobFeatureSet } from '../../../server2/agents/fit-score/job-features.ts'
import { scoreJobForUser } from '../../../server2/agents/fit-score/score-job-for-user.ts'
import { buildUserFeatures } from '../../../server2/agents/fit-score/user-features.ts'
import { DEFAULT_WEIGHTS } from '../../../server2/agents/fit-score/weights.ts'
import { computeSkillGaps } from '../../../server2/agents/skill-gap/compute-skill-gaps.ts'
import { jobsForTargetRoles } from '../../../server2/agents/skill-gap/jobs-for-target-roles.ts'
import { JOBS, posting, profile } from '../fit-score/fixtures.ts'

/** Ten frontend openings: TypeScript required by 8, Redux by 4, AWS by 1; GraphQL a nice-to-have in 5. */
const FRONTEND = Array.from({ length: 10 }, (_, i) =>
  posting(`fe${i}`, i % 2 === 0 ? 'Frontend Developer' : 'React Developer', `Company ${i}`, {
    req: ['react', 'javascript', ...(i < 8 ? ['typescript'] : []), ...(i % 2 === 0 && i < 8 ? ['redux'] : []), ...(i === 9 ? ['aws'] : [])],
    nice: i < 5 ? ['graphql'] : [],
    years: [1, 4],
    loc: ['Bengaluru'],
    text: 'Build React interfaces with JavaScript for our web app.',
  }),
)

const { space, jobs } = buildJobFeatureSet([...FRONTEND, ...JOBS])
const user = buildUserFeatures(space, {
  user_id: 'neha',
  target_roles: ['Frontend Developer'],
  locations: ['Bengaluru'],
  expected_salary_inr: null,
  profile: profile({
    name: 'Neha',
    location: 'Bengaluru',
    summary: 'Frontend developer building React apps.',
    years: 2,
    roles: [{ title: 'Frontend Developer', company: 'Startup', start: '2023-01', end: null, bullets: ['React and JavaScript SPA'] }],
    skills: [
      ['react', 'React'],
      ['javascript', 'JavaScript'],
      ['html', 'HTML'],
      ['css', 'CSS'],
    ],
  }),
})

describe('skill gaps', () => {
  const roleJobs = jobsForTargetRoles(user, jobs)
  const gaps = computeSkillGaps(user, roleJobs, DEFAULT_WEIGHTS)
  const gap = (id: string) => gaps.find((g) => g.skill_id === id)

  test('the role filter keeps frontend openings and drops unrelated ones', () => {
    const ids = roleJobs.map((j) => j.job_id)
    for (const job of FRONTEND) expect(ids).toContain(job.job_id)
    expect(ids).toContain('f1')
    for (const unrelated of ['a1', 's1', 'd1', 'b1', 'o5']) expect(ids).not.toContain(unrelated)
  })

  test('ranked by demand × uplift: TypeScript, demanded by most openings, comes first', () => {
    console.log(
      'skill gaps:',
      gaps
        .slice(0, 6)
        .map((g) => `${g.name} (demand ${g.demand_share}, +${g.score_uplift})`)
        .join(', '),
    )
    expect(gaps[0]?.skill_id).toBe('typescript')
    const ranks = gaps.map((g) => g.demand_share * g.score_uplift)
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
    expect(gaps.findIndex((g) => g.skill_id === 'redux')).toBeLessThan(gaps.findIndex((g) => g.skill_id === 'aws'))
  })

  test('demand share counts the openings that ask for the skill', () => {
    const typescriptJobs = roleJobs.filter((j) => j.required.ids.includes(space.skills.intern('typescript'))).length
    expect(gap('typescript')?.demand_share).toBeCloseTo(typescriptJobs / roleJobs.length, 3)
    expect(gap('graphql')?.demand_share).toBeGreaterThan(0)
  })

  test('uplift is the average gain on the openings that ask for it; a required skill lifts more than a nice-to-have', () => {
    expect(gap('typescript')?.score_uplift).toBeGreaterThan(gap('graphql')?.score_uplift ?? Infinity)
    const withTs = buildUserFeatures(space, {
      user_id: 'neha+ts',
      target_roles: ['Frontend Developer'],
      locations: ['Bengaluru'],
      expected_salary_inr: null,
      profile: profile({
        name: 'Neha',
        location: 'Bengaluru',
        summary: 'Frontend developer building React apps.',
        years: 2,
        roles: [{ title: 'Frontend Developer', company: 'Startup', start: '2023-01', end: null, bullets: ['React and JavaScript SPA'] }],
        skills: [
          ['react', 'React'],
          ['javascript', 'JavaScript'],
          ['html', 'HTML'],
          ['css', 'CSS'],
          ['typescript', 'TypeScript'],
        ],
      }),
    })
    const fe0 = jobs[0] as (typeof jobs)[number]
    const gain = scoreJobForUser(withTs, fe0, DEFAULT_WEIGHTS).score - scoreJobForUser(user, fe0, DEFAULT_WEIGHTS).score
    expect(gain).toBeGreaterThan(0)
    expect(Math.abs((gap('typescript')?.score_uplift ?? 0) - gain)).toBeLessThan(5)
  })

  test('skills the user has are never gaps; names and example jobs are filled', () => {
    for (const owned of ['react', 'javascript', 'html', 'css']) expect(gap(owned)).toBeUndefined()
    const ts = gap('typescript')
    expect(ts?.name).toBe('Typescript')
    expect(ts?.example_jobs.length).toBe(3)
    for (const example of ts?.example_jobs ?? []) {
      const job = roleJobs.find((j) => j.job_id === example.job_id)
      expect(job?.required.ids).toContain(space.skills.intern('typescript'))
      expect(example.company).toBe(job?.company as string)
    }
  })

  test('no jobs, no gaps', () => {
    expect(computeSkillGaps(user, [], DEFAULT_WEIGHTS)).toEqual([])
  })
})
