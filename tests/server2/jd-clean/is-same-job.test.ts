import { expect, test } from 'bun:test'
import { cleanJobDescription, type RawJob } from '../../../server2/agents/jd-clean/clean-job-description.ts'
import { groupDuplicates, isSameJob, matchDuplicate, type DuplicateCandidate } from '../../../server2/agents/jd-clean/is-same-job.ts'
import { normalizeCompanyName, sameCompany } from '../../../server2/agents/jd-clean/normalize-company.ts'

function cleaned(raw: RawJob): DuplicateCandidate {
  const { clean_text, structure, content_hash } = cleanJobDescription(raw)
  return { company: raw.company, clean_text, structure, content_hash }
}

const BODY = `Roles and Responsibilities
- Build REST APIs in Java and Spring Boot for the payments platform
- Own PostgreSQL schemas, migrations and query performance
- Review code and mentor two junior engineers

Requirements
- 4-6 years of experience in backend development
- Strong Java, Spring Boot, Kafka`

const naukri: RawJob = {
  title: 'Senior Java Developer - Urgent Hiring - Pune',
  company: 'Infosys Ltd',
  location_text: 'Pune',
  raw_jd: `<div><p><b>Roles and Responsibilities</b></p><ul><li>Build REST APIs in Java and Spring Boot for the payments platform</li><li>Own PostgreSQL schemas, migrations and query performance</li><li>Review code and mentor two junior engineers</li></ul>
<p><b>Requirements</b></p><ul><li>4-6 years of experience in backend development</li><li>Strong Java, Spring Boot, Kafka</li></ul><button>Apply now</button><p>Posted 2 days ago</p></div>`,
}

test.each([
  ['Infosys Ltd', 'infosys'],
  ['Infosys Limited', 'infosys'],
  ['INFOSYS LIMITED (India)', 'infosys'],
  ['Infosys Technologies Pvt. Ltd.', 'infosys'],
  ['Zoho Corporation Pvt Ltd', 'zoho'],
  ['Larsen & Toubro', 'larsen and toubro'],
  ['HDFC Bank Limited', 'hdfc bank'],
])('company key of %p is %p', (name, key) => {
  expect(normalizeCompanyName(name)).toBe(key)
})

test('same company: suffixes and initials', () => {
  expect(sameCompany('Infosys Ltd', 'Infosys Limited')).toBe(true)
  expect(sameCompany('Infosys', 'Infosys Technologies Limited')).toBe(true)
  expect(sameCompany('TCS', 'Tata Consultancy Services Ltd')).toBe(true)
  expect(sameCompany('Infosys', 'Wipro')).toBe(false)
  expect(sameCompany('HDFC Bank', 'HDFC Life')).toBe(false)
})

test('the same posting as HTML on one board and text on another hashes equal', () => {
  const fromNaukri = cleanJobDescription(naukri)
  const fromSite = cleanJobDescription({
    title: 'Sr. Java Developer (Req 5521)',
    company: 'Infosys Limited',
    raw_jd: `Sr. Java Developer\nInfosys Limited\n\n${BODY}\n\nInfosys is an equal opportunity employer.\nShare this job`,
  })
  expect(fromSite.clean_text).toBe(fromNaukri.clean_text)
  expect(fromSite.content_hash).toBe(fromNaukri.content_hash)
})

test('a changed requirement changes the hash', () => {
  const changed = cleanJobDescription({ ...naukri, raw_jd: naukri.raw_jd.replace('4-6 years', '6-8 years') })
  expect(changed.content_hash).not.toBe(cleanJobDescription(naukri).content_hash)
})

test('equal hashes are duplicates by hash', () => {
  const a = cleaned(naukri)
  expect(matchDuplicate(a, { ...a, company: 'Someone Else' })?.reason).toBe('content_hash')
})

test('a repost with trimmed text and a different company spelling is a fuzzy duplicate', () => {
  const a = cleaned(naukri)
  const b = cleaned({
    title: 'Senior Java Developers',
    company: 'Infosys',
    location_text: 'Pune, Maharashtra, India',
    raw_jd: BODY.split('\n').slice(0, 3).join('\n') + '\n\nRequirements\n- 4+ years of experience in backend development',
  })
  const match = matchDuplicate(a, b)
  expect(match?.reason).toBe('fuzzy')
  expect(match?.title_similarity).toBeGreaterThanOrEqual(0.8)
  expect(isSameJob(b, a)).toBe(true)
})

test('not duplicates: another company, another city, another level, another role, another text', () => {
  const a = cleaned(naukri)
  expect(isSameJob(a, cleaned({ ...naukri, company: 'Wipro Limited', raw_jd: `${naukri.raw_jd}<p>Wipro</p>` }))).toBe(false)
  expect(isSameJob(a, cleaned({ ...naukri, location_text: 'Chennai', raw_jd: `${naukri.raw_jd}<p>Chennai team</p>` }))).toBe(false)
  expect(isSameJob(a, cleaned({ ...naukri, title: 'Java Developer Intern', raw_jd: naukri.raw_jd.replace('4-6', '0-1') }))).toBe(false)
  expect(isSameJob(a, cleaned({ ...naukri, title: 'Senior Python Developer - Pune' }))).toBe(false)
  const otherTeam = cleaned({
    ...naukri,
    raw_jd: 'Build our HR analytics product on Java.\n\nRequirements\n- 4-6 years of Java, Hibernate and Oracle\n- Experience in reporting tools',
  })
  expect(isSameJob(a, otherTeam)).toBe(false)
})

test('without texts, company + title + compatible city and level decide', () => {
  const senior = { title_normalized: 'Senior Java Developer', seniority: 'senior' as const, locations: ['Pune'], experience_min_years: 5 }
  const a: DuplicateCandidate = { company: 'Infosys Ltd', content_hash: 'a', structure: senior }
  expect(isSameJob(a, { company: 'Infosys Limited', content_hash: 'b', structure: senior })).toBe(true)
  expect(isSameJob(a, { company: 'Infosys', content_hash: 'c', structure: { ...senior, experience_min_years: 10 } })).toBe(false)
  expect(isSameJob(a, { company: 'Infosys', content_hash: 'd', structure: { ...senior, locations: [] } })).toBe(true)
})

function structureOf(title: string, city: string): DuplicateCandidate['structure'] {
  return { title_normalized: title, seniority: null, locations: [city], experience_min_years: null }
}

test('groupDuplicates links reposts across a batch and leaves distinct jobs alone', () => {
  const jobs: DuplicateCandidate[] = [
    { company: 'Tata Consultancy Services', content_hash: 'h1', structure: structureOf('Java Developer', 'Pune') },
    { company: 'Infosys Ltd', content_hash: 'h2', structure: structureOf('Data Analyst', 'Pune') },
    { company: 'TCS', content_hash: 'h3', structure: structureOf('Java Developers', 'Pune') },
    { company: 'Wipro', content_hash: 'h2', structure: structureOf('Data Analyst', 'Pune') },
    { company: 'Infosys Limited', content_hash: 'h5', structure: structureOf('Data Analyst', 'Chennai') },
  ]
  expect(groupDuplicates(jobs)).toEqual([[0, 2], [1, 3], [4]])
})
