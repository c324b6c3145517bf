import { expect, test } from 'bun:test'
import { canonicalCity, citiesIn, detectLocations } from '../../../server2/agents/jd-clean/detect-locations.ts'
import { detectEmploymentType } from '../../../server2/agents/jd-clean/detect-employment-type.ts'
import { detectWorkMode } from '../../../server2/agents/jd-clean/detect-work-mode.ts'
import { findApplyEmail } from '../../../server2/agents/jd-clean/find-apply-email.ts'

test.each([
  ['Bangalore', 'Bengaluru'],
  ['bengaluru', 'Bengaluru'],
  ['Gurgaon', 'Gurugram'],
  ['Bombay', 'Mumbai'],
  ['Delhi/NCR', 'Delhi NCR'],
  ['Delhi - NCR', 'Delhi NCR'],
  ['New Delhi', 'Delhi'],
  ['Greater Noida', 'Noida'],
  ['Poona', 'Pune'],
  ['Secunderabad', 'Hyderabad'],
  ['Madras', 'Chennai'],
  ['Calcutta', 'Kolkata'],
  ['Amdavad', 'Ahmedabad'],
  ['Cochin', 'Kochi'],
  ['Trivandrum', 'Thiruvananthapuram'],
  ['Navi Mumbai', 'Navi Mumbai'],
  ['London', null],
])('canonicalCity(%p) = %p', (name, city) => {
  expect(canonicalCity(name)).toBe(city)
})

test('cities in text: aliases merged, longest name wins, order kept', () => {
  expect(citiesIn('Bengaluru (Bangalore), Navi Mumbai, Delhi / NCR, Gurgaon and Jaipur')).toEqual([
    'Bengaluru',
    'Navi Mumbai',
    'Delhi NCR',
    'Gurugram',
    'Jaipur',
  ])
  expect(citiesIn('we hired the hyde park team; chyderabad')).toEqual([])
})

test('the location field beats labelled lines, which beat the title and prose', () => {
  const role_text = 'Location: Chennai, Kochi\nWe also have offices in Mumbai and Delhi.'
  expect(detectLocations({ location_text: 'Pune, Maharashtra', title: 'X', role_text })).toEqual(['Pune'])
  expect(detectLocations({ title: 'Java Developer - Pune', role_text })).toEqual(['Chennai', 'Kochi'])
  expect(detectLocations({ title: 'Java Developer - Pune', role_text: 'Offices in Mumbai.' })).toEqual(['Pune'])
  expect(detectLocations({ title: 'X', role_text: 'This role is based in our Noida office.' })).toEqual(['Noida'])
  expect(detectLocations({ title: 'X', role_text: 'We have offices in Mumbai and London.' })).toEqual([])
})

test.each([
  ['Bengaluru, Karnataka, India (Hybrid)', '', 'hybrid'],
  ['', 'This is a hybrid role with 3 days a week in office.', 'hybrid'],
  ['', 'Work from office 5 days a week.', 'onsite'],
  ['', 'Fully remote team across India.', 'remote'],
  ['Remote', '', 'remote'],
  ['', 'Work from home customer support.', 'remote'],
  ['', 'Location: Remote', 'remote'],
  ['', 'You will build remote monitoring dashboards.', null],
  ['', 'This is not a remote role.', 'onsite'],
  ['Gurugram, Haryana, India (On-site)', '', 'onsite'],
  ['', 'WFO - Pune', 'onsite'],
] as const)('work mode of %p / %p is %p', (location_text, text, mode) => {
  expect(detectWorkMode({ location_text, title: 'Engineer', text })).toBe(mode)
})

test.each([
  ['Engineer', 'Employment Type: Full Time, Permanent', 'full_time'],
  ['Engineer', 'Job Type: Part-time', 'part_time'],
  ['Data Analyst Intern', '', 'internship'],
  ['Engineer', 'A 6-month internship with a full-time offer for top performers.', 'internship'],
  ['Engineer', 'Contract to hire (C2H), 6 months', 'contract'],
  ['Engineer', 'This is a contractual position via third party payroll.', 'contract'],
  ['Writer', 'Freelance work paid per article.', 'freelance'],
  ['Engineer', 'Experience with contract management software.', null],
  ['Engineer', 'Stipend: ₹10,000 per month', 'internship'],
] as const)('%p / %p is %p', (title, text, type) => {
  expect(detectEmploymentType({ title, text })).toBe(type)
})

test.each([
  ['Interested candidates send your CV to HR@Acme.in.', 'hr@acme.in'],
  ['Share your profile at careers [at] acme [dot] co [dot] in', 'careers@acme.co.in'],
  ['Email your resume to jobs@startup.io with the subject "Backend"', 'jobs@startup.io'],
  ['Apply here or email your resume to csm-hiring@chargebee.com', 'csm-hiring@chargebee.com'],
  ['For accommodation requests, email accommodations@acme.com', null],
  ['Contact: info@acme.com', null],
  ['No email here', null],
] as const)('apply email in %p is %p', (text, email) => {
  expect(findApplyEmail(text)).toBe(email)
})
