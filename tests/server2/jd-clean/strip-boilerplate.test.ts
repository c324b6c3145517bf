import { expect, test } from 'bun:test'
import { cleanJobDescription } from '../../../server2/agents/jd-clean/clean-job-description.ts'
import { splitSections } from '../../../server2/agents/jd-clean/split-sections.ts'
import { stripBoilerplate } from '../../../server2/agents/jd-clean/strip-boilerplate.ts'
import { toPlainText } from '../../../server2/agents/jd-clean/to-plain-text.ts'

const job = (raw_jd: string) => cleanJobDescription({ title: 'Backend Engineer', company: 'Acme', raw_jd })

test('HTML becomes text with "## " headings and "- " list items, entities decoded, scripts dropped', () => {
  const html = `<h2>About&nbsp;the role</h2><p>Build APIs &amp; services.</p><script>track()</script><style>p{}</style>
<p><strong>Requirements:</strong></p><ul><li>Node.js</li><li>PostgreSQL</li></ul><ol><li>First</li><li>Second</li></ol>`
  expect(toPlainText(html)).toBe(
    '## About the role\n\nBuild APIs & services.\n\nRequirements:\n\n- Node.js\n- PostgreSQL\n\n- First\n- Second',
  )
})

test('pasted bullets of every kind become "- " items', () => {
  expect(toPlainText('• one\n● two\n➢ three\n✓ four\n1. five\n2) six\n* seven')).toBe(
    '- one\n- two\n- three\n- four\n- five\n- six\n- seven',
  )
})

test('adjacent inline chips keep a space between them', () => {
  expect(toPlainText('<div><span>Java</span><span>Spring</span><a href="/x">Kafka</a></div>')).toBe('Java Spring Kafka')
})

test('a mailto link hiding its address shows the address', () => {
  expect(toPlainText('<p>Send your CV <a href="mailto:jobs@acme.in">here</a></p>')).toBe('Send your CV here (jobs@acme.in)')
})

test('EEO, benefits and how-to-apply sections are removed', () => {
  const { clean_text } = job(`<h3>Responsibilities</h3><ul><li>Build payment APIs</li></ul>
<h3>Perks and Benefits</h3><ul><li>Free lunch</li><li>Gym membership</li></ul>
<h3>Equal Employment Opportunity</h3><p>We celebrate diversity and do not discriminate.</p>
<h3>How to apply</h3><p>Click the button below.</p>`)
  expect(clean_text).toBe('## Responsibilities\n- Build payment APIs')
})

test('EEO sentences and board chrome are removed from inside role sections', () => {
  const { clean_text } = job(`Requirements
- 3+ years of Go
Acme is an Equal Opportunity Employer. All qualified applicants will receive consideration without regard to caste or religion.
Apply now
Share this job on LinkedIn
Posted 3 days ago
120 applicants
Job ID: R-10293
Acme never asks candidates for money or a fee at any stage.
Competitive salary and benefits.`)
  expect(clean_text).toBe('## Requirements\n- 3+ years of Go')
})

test('an About us section that dwarfs the role is dropped, a short one stays', () => {
  const about = 'Acme is a leading fintech that serves millions of merchants across India and Southeast Asia. '
  const long = job(`About Us\n${about.repeat(8)}\n\nThe Role\nBuild APIs in Go.\n\nRequirements\n- 3+ years of Go`)
  expect(long.clean_text).toBe('## The Role\nBuild APIs in Go.\n\n## Requirements\n- 3+ years of Go')
  const short = job(`About Us\n${about}\n\nThe Role\nBuild APIs in Go and Postgres for our merchant dashboard.\n\nRequirements\n- 3+ years of Go`)
  expect(short.clean_text).toStartWith('## About Us\nAcme is a leading fintech')
})

test('an About-us section is not read for skills or experience', () => {
  const { structure } = job(`About Acme\nFounded 12 years ago, our team has 10+ years of experience with Kubernetes.\n\nRequirements\n- 2-4 years of experience with Go`)
  expect(structure.experience_min_years).toBe(2)
  expect(structure.required_skills).not.toContain('kubernetes')
})

test('a salary under Benefits and an email under How to apply are still extracted', () => {
  const { structure, clean_text } = job(`Requirements\n- Go\n\nBenefits\n- CTC: ₹20-30 LPA\n- Health insurance\n\nHow to apply\nSend your resume to talent@acme.in`)
  expect(structure.salary_min_inr).toBe(2_000_000)
  expect(structure.apply_email).toBe('talent@acme.in')
  expect(clean_text).toBe('## Requirements\n- Go')
})

test('stripBoilerplate keeps section order and headings', () => {
  const sections = stripBoilerplate(splitSections('Intro line\n\n## Requirements\n- Go\n\n## Good to have\n- Rust\n\n## Benefits\n- Lunch'))
  expect(sections.map((s) => [s.heading, s.kind])).toEqual([
    [null, 'role'],
    ['Requirements', 'requirements'],
    ['Good to have', 'nice_to_have'],
  ])
})

test('the title and company repeated at the top are not part of the clean text', () => {
  const { clean_text } = cleanJobDescription({
    title: 'Backend Engineer - Pune',
    company: 'Acme Pvt Ltd',
    raw_jd: '<h1>Backend Engineer - Pune</h1><p>Acme Pvt Ltd</p><p>Build APIs in Go.</p>',
  })
  expect(clean_text).toBe('Build APIs in Go.')
})

test('WhatsApp *bold* lines are text, not bullets', () => {
  expect(toPlainText('*Hiring for HR Recruiter*\n* real bullet\n_Pune_')).toBe('Hiring for HR Recruiter\n- real bullet\nPune')
})
