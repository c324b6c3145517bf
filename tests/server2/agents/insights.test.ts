import { describe, expect, test } from 'bun:test'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JobStructure } from '#shared/schemas/job-structure.ts'
import { computeCareerIntel } from '../../../server2/agents/career-intel/compute-career-intel.ts'
import { streak } from '../../../server2/agents/coach/load-coach-facts.ts'
import { renderTxt } from '../resume-parse/fixtures/render-resume.ts'
import { RESUMES } from '../resume-parse/fixtures/resumes.ts'

const NOW = new Date('2026-03-01T06:00:00Z')
const DAY = 86_400_000

function job(company: string, daysAgo: number, s: Partial<JobStructure>) {
  const structure: JobStructure = {
    title: 'Data Analyst', title_normalized: 'Data Analyst', seniority: null, required_skills: [], nice_to_have_skills: [],
    experience_min_years: null, experience_max_years: null, salary_min_inr: null, salary_max_inr: null,
    salary_is_monthly_stipend: false, locations: [], work_mode: null, employment_type: null, apply_email: null, ...s,
  }
  return { company, structure, first_seen_at: new Date(NOW.getTime() - daysAgo * DAY) }
}

describe('career intel', () => {
  test('counts, weekly trend, LPA percentiles, companies, cities, remote share and skills', () => {
    const jobs = [
      job('Acme', 1, { salary_min_inr: 600_000, salary_max_inr: 800_000, locations: ['Pune'], required_skills: ['sql', 'excel'] }),
      job('Acme', 2, { salary_min_inr: 1_000_000, salary_max_inr: 1_000_000, locations: ['Pune', 'Mumbai'], required_skills: ['sql'] }),
      job('Beta', 3, { salary_max_inr: 1_200_000, work_mode: 'remote', required_skills: ['sql', 'power-bi'] }),
      job('Beta', 5, { locations: ['Mumbai'], nice_to_have_skills: ['python'] }),
      job('Gamma', 10, { salary_min_inr: 400_000, locations: ['Pune'] }),
      job('Delta', 24, { locations: ['Chennai'] }),
    ]
    const intel = computeCareerIntel(jobs, NOW, (id) => id.toUpperCase())
    expect(intel.job_count).toBe(6)
    expect(intel.weekly.map((w) => w.jobs)).toEqual([1, 0, 1, 4])
    // last week 4 vs an average of 2/3 in the three before
    expect(intel.trend_pct).toBe(500)
    expect(intel.trend).toBe('rising')
    expect(intel.salary_lpa).toEqual({ p25: 6.3, median: 8.5, p75: 10.5, sample: 4 })
    expect(intel.top_companies.slice(0, 2)).toEqual([
      { name: 'Acme', jobs: 2, share: 0.333 },
      { name: 'Beta', jobs: 2, share: 0.333 },
    ])
    expect(intel.top_cities[0]).toEqual({ name: 'Pune', jobs: 3, share: 0.5 })
    expect(intel.remote_share).toBe(0.167)
    expect(intel.top_skills[0]).toEqual({ skill_id: 'sql', name: 'SQL', jobs: 3, share: 0.5 })
  })

  test('no matching jobs: zero counts, unknown trend, no salary band', () => {
    const intel = computeCareerIntel([], NOW, (id) => id)
    expect(intel).toMatchObject({ job_count: 0, trend: 'unknown', trend_pct: null, salary_lpa: null, remote_share: 0 })
  })
})

describe('coach streak', () => {
  test('counts consecutive active IST days ending today or yesterday', () => {
    expect(streak(['2026-03-01', '2026-02-28', '2026-02-27', '2026-02-25'], '2026-03-01')).toBe(3)
    expect(streak(['2026-02-28', '2026-02-27'], '2026-03-01')).toBe(2)
    expect(streak(['2026-02-26'], '2026-03-01')).toBe(0)
    expect(streak([], '2026-03-01')).toBe(0)
  })
})

describe('bun run score RESUME_FILE JD_FILE', () => {
  test('prints score, components and explanation as one JSON document; no database needed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'score-cli-'))
    try {
      const sde = RESUMES.find((r) => r.name.startsWith('experienced SDE'))!
      await writeFile(join(dir, 'cv.txt'), renderTxt(sde.lines))
      await writeFile(
        join(dir, 'jd.txt'),
        'Backend Engineer (Java)\nPayFast\nBengaluru\n\nRequirements:\n- 5+ years of Java and Spring Boot\n- Kafka, AWS, SQL\n- Nice to have: Go, Kubernetes\n',
      )
      const child = Bun.spawn(['bun', join(import.meta.dir, '../../../scripts/score.ts'), join(dir, 'cv.txt'), join(dir, 'jd.txt'), '--title', 'Backend Engineer (Java)', '--company', 'PayFast'], {
        stdout: 'pipe',
        stderr: 'pipe',
        env: { PATH: process.env.PATH ?? '' },
      })
      const [stdout, code] = await Promise.all([new Response(child.stdout).text(), child.exited])
      expect(code).toBe(0)
      const out = JSON.parse(stdout)
      expect(out.score).toBeGreaterThanOrEqual(70)
      expect(Object.keys(out.components).sort()).toEqual(['experience', 'location', 'nice_skills', 'required_skills', 'salary', 'text', 'title'])
      expect(out.explanation.matched_skills).toEqual(expect.arrayContaining(['Java', 'Spring Boot']))
      expect(out.explanation.summary).toMatch(/match/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('usage error without two files', async () => {
    const child = Bun.spawn(['bun', join(import.meta.dir, '../../../scripts/score.ts'), 'only-one'], { stdout: 'pipe', stderr: 'pipe' })
    expect(await child.exited).toBe(2)
  })
})
