import { describe, expect, test } from 'bun:test'
import { parseContact } from '../../../server2/agents/resume-parse/parse-contact.ts'
import { parseCtc } from '../../../server2/agents/resume-parse/parse-ctc.ts'
import { findDateRange } from '../../../server2/agents/resume-parse/parse-date-range.ts'
import { parseEducation } from '../../../server2/agents/resume-parse/parse-education.ts'
import { findIndianPhone } from '../../../server2/agents/resume-parse/parse-indian-phone.ts'
import { parseNoticePeriod } from '../../../server2/agents/resume-parse/parse-notice-period.ts'
import { parseResume } from '../../../server2/agents/resume-parse/parse-resume.ts'
import { toResumeLines } from '../../../server2/agents/resume-parse/resume-lines.ts'
import { splitSections } from '../../../server2/agents/resume-parse/split-sections.ts'
import { statedExperienceYears, totalExperienceYears } from '../../../server2/agents/resume-parse/total-experience.ts'
import { TODAY } from './fixtures/resumes.ts'

function job(start: string | null, end: string | null, title = 'Engineer') {
  return { title, company: 'Acme', start, end, dates: '', bullets: [] }
}

function contact(text: string) {
  const lines = toResumeLines(text)
  return parseContact(lines, lines)
}

describe('date ranges → YYYY-MM', () => {
  test.each([
    ['Jan 2019 - Present', '2019-01', null, 'Jan 2019 - Present'],
    ['01/2019 – 03/2021', '2019-01', '2021-03', '01/2019 – 03/2021'],
    ['2018-2020', '2018-01', '2020-12', '2018-2020'],
    ["March'21 to till date", '2021-03', null, "March'21 to till date"],
    ['March’21 to till date', '2021-03', null, 'March’21 to till date'],
    ['Since Aug 2020', '2020-08', null, 'Since Aug 2020'],
    ["Jan'19 - Feb'21", '2019-01', '2021-02', "Jan'19 - Feb'21"],
    ['Sept. 2019 to Mar 2020', '2019-09', '2020-03', 'Sept. 2019 to Mar 2020'],
    ['15/06/2019 - 20/03/2021', '2019-06', '2021-03', '15/06/2019 - 20/03/2021'],
    ['From Jan 2019 to Present', '2019-01', null, 'Jan 2019 to Present'],
    ['2019-01 - 2020-06', '2019-01', '2020-06', '2019-01 - 2020-06'],
    ['Aug 2020 onwards', '2020-08', null, 'Aug 2020 onwards'],
    ['July 2017 – Current', '2017-07', null, 'July 2017 – Current'],
    ['May-2018 to Jun-2019', '2018-05', '2019-06', 'May-2018 to Jun-2019'],
    ['Software Engineer | Infosys | Jun 2016 – Dec 2018 (2.5 yrs)', '2016-06', '2018-12', 'Jun 2016 – Dec 2018'],
    ['w.e.f. 01/2022', '2022-01', null, 'w.e.f. 01/2022'],
  ])('%p', (written, start, end, text) => {
    const normalized = written.replace(/’/g, "'")
    expect(findDateRange(normalized, TODAY)).toMatchObject({ start, end, text: text.replace(/’/g, "'") })
  })

  test.each(['Achieved 125% of target in FY 2023-24', 'Phone: 98765 43210', 'Pincode 560001', 'Handled 2019 tickets'])(
    '%p has no date range',
    (text) => expect(findDateRange(text, TODAY)).toBeNull(),
  )
})

describe('total experience', () => {
  test.each([
    ['one closed job, months counted inclusively', [job('2019-01', '2019-12')], 1],
    ['present counts to today (Jun 2025)', [job('2024-07', null)], 1],
    ['overlapping jobs count once', [job('2019-01', '2022-12'), job('2020-01', '2021-12'), job('2022-01', null)], 6.5],
    ['a gap between jobs is not counted', [job('2010-06', '2014-05'), job('2022-01', null)], 7.5],
    ['back-to-back jobs join', [job('2017-07', '2021-03'), job('2021-04', null)], 8],
    ['internships do not count', [job('2023-05', '2023-07', 'Software Development Intern'), job('2024-07', null)], 1],
    ['an end date in the future is capped at today', [job('2025-01', '2026-12')], 0.5],
    ['no dates', [job(null, null)], 0],
  ])('%s', (_, entries, years) => expect(totalExperienceYears(entries, TODAY)).toBe(years))

  test.each([
    ['Total Experience: 5.5 years', 5.5],
    ['Total Work Experience - 5 Years 6 Months', 5.5],
    ['Overall experience of 4 yrs', 4],
    ['Sales professional with 7+ years of experience in FMCG', 7],
    ['3 years 3 months of experience', 3.3],
    ['Experience in sales', null],
  ])('stated: %p → %p', (text, years) => expect(statedExperienceYears(text)).toBe(years))
})

describe('Indian phone numbers → E.164', () => {
  test.each([
    ['+91 98765 43210', '+919876543210'],
    ['098765-43210', '+919876543210'],
    ['9876543210', '+919876543210'],
    ['+91-80-1234-5678', '+918012345678'],
    ['(+91) 98765 43210', '+919876543210'],
    ['91-9876543210', '+919876543210'],
    ['080-12345678', '+918012345678'],
    ['Mob: 9448012345   Email: a@b.in', '+919448012345'],
    ['Ph: 9876543210 560001', '+919876543210'],
    ['Pin 560001', null],
    ['2016 - 2019 2019 - 2021', null],
    ['+1 415 555 0123', null],
  ])('%p → %p', (text, e164) => expect(findIndianPhone(text)).toBe(e164))
})

describe('contact', () => {
  test.each([
    ['RAHUL K. SHARMA\nrahul@x.in', 'Rahul K. Sharma'],
    ['Resume\nAnjali Menon | Data Analyst', 'Anjali Menon'],
    ['CURRICULUM VITAE\nName: Priya Nair', 'Priya Nair'],
    ['Ms. Fatima Sheikh\nfatima@x.in', 'Fatima Sheikh'],
    ['Senior Software Engineer\nrahul@x.in', null],
  ])('name from %p', (text, name) => expect(contact(text).full_name).toBe(name))

  test.each([
    ['Anjali\nKoramangala, Bengaluru - 560034', 'Bengaluru'],
    ['Anjali\nAddress: 12, Nehru Street, Kochi, Kerala', 'Kochi'],
    ['Anjali\nLocation: Bhilai, Chhattisgarh', 'Bhilai'],
    ['Anjali\nAddress: 45 MG Road, Tumkur', 'Tumkur'],
    ['Anjali\nNavi Mumbai', 'Navi Mumbai'],
    ['Anjali\nanjali@x.in', null],
  ])('location from %p', (text, location) => expect(contact(text).location).toBe(location))

  test('email is lower-cased', () => expect(contact('A\nEmail: Anjali.M@Gmail.COM').email).toBe('anjali.m@gmail.com'))
})

describe('CTC → annual INR', () => {
  test.each([
    ['Current CTC: 8.5 LPA', 850_000, null],
    ['CTC - 12,00,000 p.a.', 1_200_000, null],
    ['Expected: 15 Lakhs', null, 1_500_000],
    ['Current CTC: 8.5 LPA | Expected CTC: 12-14 LPA', 850_000, 1_200_000],
    ['Current Salary: Rs. 35,000 per month\nExpected Salary: 45K/month', 420_000, 540_000],
    ['Present CTC - ₹ 6,50,000', 650_000, null],
    ['Current Package: 4.2 Lacs per annum', 420_000, null],
    ['CTC: 8.5', 850_000, null],
    ['ECTC 1.2 Cr', null, 12_000_000],
    ['Expected CTC: Negotiable', null, null],
    ['Expected CTC : As per company norms', null, null],
    ['Processed salary for 1200 employees', null, null],
    ['B.Tech, expected 2025', null, null],
  ])('%p', (text, current, expected) => expect(parseCtc(text)).toEqual({ current_ctc_inr: current, expected_ctc_inr: expected }))
})

describe('notice period → days', () => {
  test.each([
    ['Notice Period: 30 days', 30],
    ['Immediate joiner', 0],
    ['Notice Period - 2 months', 60],
    ['Notice period: Immediate', 0],
    ['Notice Period: 1 Month', 30],
    ['Notice: 90', 90],
    ['Available to join in two weeks', 14],
    ['Can join immediately', 0],
    ['Serving notice period', null],
    ['No mention', null],
  ])('%p → %p', (text, days) => expect(parseNoticePeriod(text)).toBe(days))
})

describe('education', () => {
  test.each([
    ['B.Tech in Computer Science from VIT University, Vellore (2015-2019) CGPA 8.1', 'B.Tech', 'VIT University', 2019],
    ['Bachelor of Engineering (B.E.), PES Institute of Technology, 2017', 'B.E.', 'PES Institute of Technology', 2017],
    ['B.Com | Loyola College | 2016', 'B.Com', 'Loyola College', 2016],
    ['BBA - Christ University - 2014-17', 'BBA', 'Christ University', 2017],
    ['MBA (Marketing), XLRI Jamshedpur, 2020', 'MBA', 'XLRI Jamshedpur', 2020],
    ['M.Tech (VLSI), NIT Trichy, 2018', 'M.Tech', 'NIT Trichy', 2018],
    ['CA Final (ICAI) - May 2021', 'CA', 'ICAI', 2021],
    ['ICWA Inter, ICMAI, 2019', 'ICWA', 'ICMAI', 2019],
    ['12th (HSC), Maharashtra State Board, 2012', '12th', 'Maharashtra State Board', 2012],
    ['Intermediate (MPC), Sri Chaitanya Junior College, 2014', '12th', 'Sri Chaitanya Junior College', 2014],
    ['10th (SSC), Kendriya Vidyalaya, 2010', '10th', 'Kendriya Vidyalaya', 2010],
    ['Matriculation, DAV Public School, 2008', '10th', 'DAV Public School', 2008],
    ['MCA, Anna University, Pursuing (Expected 2026)', 'MCA', 'Anna University', 2026],
  ])('%p', (line, degree, institution, year) => {
    expect(parseEducation(toResumeLines(line), TODAY)).toEqual([{ degree, institution, year }])
  })

  test('institution written above the degree', () => {
    const lines = toResumeLines('IIT Bombay\nB.Tech, Mechanical Engineering, 2015\nDelhi Public School, R.K. Puram\nClass XII, 2011')
    expect(parseEducation(lines, TODAY)).toEqual([
      { degree: 'B.Tech', institution: 'IIT Bombay', year: 2015 },
      { degree: '12th', institution: 'Delhi Public School', year: 2011 },
    ])
  })
})

describe('section headings', () => {
  test.each([
    ['WORK EXPERIENCE', 'experience'],
    ['Employment History:', 'experience'],
    ['Professional Experience', 'experience'],
    ['Organisational Experience', 'experience'],
    ['Internships', 'experience'],
    ['1. EDUCATION', 'education'],
    ['Academic Qualifications', 'education'],
    ['Educational Qualification', 'education'],
    ['Scholastic Profile', 'education'],
    ['■ Key Skills', 'skills'],
    ['Technical Skills', 'skills'],
    ['Core Competencies', 'skills'],
    ['Areas of Expertise', 'skills'],
    ['IT Skills', 'skills'],
    ['Career Objective', 'summary'],
    ['Profile Summary', 'summary'],
    ['—— PROFILE ——', 'summary'],
    ['Academic Projects', 'projects'],
    ['Final Year Project', 'projects'],
    ['Certifications & Trainings', 'certifications'],
    ['Licenses & Certifications', 'certifications'],
    ['Personal Details', 'other'],
    ['Declaration', 'other'],
    ['Languages Known', 'other'],
    ['Extra-Curricular Activities', 'other'],
  ])('%p → %p', (heading, kind) => {
    const sections = splitSections(toResumeLines(`Someone\n${heading}\nsome content`))
    expect(sections.map((s): string => s.kind)).toEqual(['header', kind])
  })

  test.each([
    ['Key Skills: Java, SQL', 'skills', 'Java, SQL'],
    ['Objective: To work in a growing organisation.', 'summary', 'To work in a growing organisation.'],
  ])('inline heading %p', (line, kind, content) => {
    const [, section] = splitSections(toResumeLines(`Someone\n${line}`))
    expect({ kind: section?.kind as string, first: section?.lines[0]?.text }).toEqual({ kind, first: content })
  })

  test.each([
    'Experience: 5 years',
    'Tools: Jira, Git',
    'Languages: Java, Python',
    'Contact: 98765 43210',
    'Sales Experience across Karnataka, Kerala and Goa in FMCG distribution',
  ])('%p is not a heading', (line) => {
    expect(splitSections(toResumeLines(`Someone\nSkills\n${line}`)).map((s) => s.kind)).toEqual(['header', 'skills'])
  })
})

describe('skills evidence', () => {
  test('names the section and the line, also for a heading with its content on the same line', () => {
    const profile = parseResume('Anjali Menon\nKey Skills: Java, SQL\n\nExperience\nDeveloper | Infosys | 2019 - 2021\n• Wrote Java services.', { today: TODAY })
    expect(profile.skills.find((s) => s.id === 'java')?.evidence).toEqual([
      { section: 'skills', snippet: 'Java, SQL' },
      { section: 'experience', snippet: 'Wrote Java services.' },
    ])
  })

  test('email addresses and profile links are not skills', () => {
    const profile = parseResume('Karan Mehta\nkaran.mehta@zoho.com | github.com/kmehta | https://linkedin.com/in/kmehta', { today: TODAY })
    expect(profile.skills).toEqual([])
  })

  test('a long line is cut to a snippet around the skill', () => {
    const filler = 'handled many unrelated responsibilities across teams and regions '.repeat(4)
    const profile = parseResume(`A B\nExperience\nDeveloper | Infosys | 2019 - 2021\n${filler}using Kubernetes daily ${filler}`, { today: TODAY })
    const snippet = profile.skills.find((s) => s.id === 'kubernetes')?.evidence[0]?.snippet ?? ''
    expect(snippet.length).toBeLessThanOrEqual(162)
    expect(snippet).toContain('Kubernetes')
  })
})
