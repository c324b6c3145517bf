import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const SCRIPT = join(import.meta.dir, '../../../scripts/clean-jd.ts')
let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clean-jd-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(file: string, ...flags: string[]) {
  const proc = Bun.spawn(['bun', SCRIPT, file, ...flags], { stdout: 'pipe', stderr: 'pipe' })
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited])
  return { stdout, stderr, code }
}

test('a text JD: title and company from the first lines, one JSON document out', async () => {
  const file = join(dir, 'jd.txt')
  await writeFile(
    file,
    `Sr. Java Developer - Urgent Hiring - Pune\nAcme Infotech Pvt Ltd\n\nExperience: 4-7 yrs\nSalary: 12-18 LPA\nLocation: Pune (Hybrid)\n\nRequirements\n• Java and Spring Boot\n\nInterested candidates can share CV at careers@acmeinfotech.in\n`,
  )
  const { stdout, code } = await run(file)
  expect(code).toBe(0)
  const doc = JSON.parse(stdout)
  expect(doc).toMatchObject({
    company: 'Acme Infotech Pvt Ltd',
    title: 'Sr. Java Developer - Urgent Hiring - Pune',
    title_normalized: 'Senior Java Developer',
    seniority: 'senior',
    experience_min_years: 4,
    experience_max_years: 7,
    salary_min_inr: 1_200_000,
    salary_max_inr: 1_800_000,
    locations: ['Pune'],
    work_mode: 'hybrid',
    apply_email: 'careers@acmeinfotech.in',
    clean_text: 'Experience: 4-7 yrs\nSalary: 12-18 LPA\nLocation: Pune (Hybrid)\n\n## Requirements\n- Java and Spring Boot',
  })
  expect(doc.required_skills).toContain('java')
  expect(doc.content_hash).toMatch(/^[0-9a-f]{64}$/)
})

test('an HTML page: title, company and location from its JobPosting JSON-LD', async () => {
  const file = join(dir, 'jd.html')
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: 'Data Analyst',
    hiringOrganization: { '@type': 'Organization', name: 'Meesho' },
    jobLocation: { '@type': 'Place', address: { addressLocality: 'Bangalore', addressRegion: 'Karnataka' } },
  }
  await writeFile(
    file,
    `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><h1>Data Analyst</h1><h3>Requirements</h3><ul><li>1-3 years of experience with SQL</li></ul></body></html>`,
  )
  const doc = JSON.parse((await run(file)).stdout)
  expect(doc).toMatchObject({ company: 'Meesho', title: 'Data Analyst', locations: ['Bengaluru'], experience_min_years: 1 })
  expect(doc.clean_text).toBe('## Requirements\n- 1-3 years of experience with SQL')
})

test('flags override what the file says', async () => {
  const file = join(dir, 'flags.txt')
  await writeFile(file, 'Some heading\n\nBuild dashboards in Power BI.\n')
  const doc = JSON.parse((await run(file, '--title', 'BI Developer (Remote)', '--company', 'Acme', '--location', 'Noida')).stdout)
  expect(doc).toMatchObject({ title: 'BI Developer (Remote)', company: 'Acme', title_normalized: 'BI Developer', locations: ['Noida'], work_mode: 'remote' })
})

test('usage errors exit 2 with a message', async () => {
  const missing = await run(join(dir, 'nope.txt'))
  expect(missing.code).toBe(2)
  expect(missing.stderr).toContain('no such file')
  const proc = Bun.spawn(['bun', SCRIPT], { stdout: 'pipe', stderr: 'pipe' })
  expect(await proc.exited).toBe(2)
  expect(await new Response(proc.stderr).text()).toContain('usage: bun run clean-jd FILE')
})
