import { expect, test } from 'bun:test'
import { detectSeniority } from '../../../server2/agents/jd-clean/detect-seniority.ts'
import { normalizeTitle } from '../../../server2/agents/jd-clean/normalize-title.ts'

test.each([
  ['Senior Java Developer (Req 1234)', 'Senior Java Developer'],
  ['Java Developer - Urgent hiring', 'Java Developer'],
  ['Sr. Software Engineer - WFH', 'Senior Software Engineer'],
  ['React Developer - Bangalore', 'React Developer'],
  ['Urgent Hiring for Sales Executive in Pune', 'Sales Executive'],
  ['BUSINESS DEVELOPMENT EXECUTIVE - MUMBAI / THANE', 'Business Development Executive'],
  ['SDE-2 (Backend) | Bengaluru', 'SDE-2 (Backend)'],
  ['Data Analyst Intern (Remote)', 'Data Analyst Intern'],
  ['Manager, Product Marketing', 'Manager, Product Marketing'],
  ['UI/UX Designer | 3-5 Yrs | Gurgaon', 'UI/UX Designer'],
  ['Full Stack Developer (MERN) - Immediate Joiners', 'Full Stack Developer (MERN)'],
  ['devops engineer [JR-20451]', 'DevOps Engineer'],
  ['Customer Support Executive WFH', 'Customer Support Executive'],
  ['Head of Engineering', 'Head of Engineering'],
  ['Software Engineer II - Hyderabad, Telangana, India', 'Software Engineer II'],
  ['Jr. Accountant (Full Time)', 'Junior Accountant'],
  ['Walk-in Drive for Telecaller - Chennai', 'Telecaller'],
  ['Node JS Developer - Work From Home', 'Node JS Developer'],
  ['HR Executive  -  Noida  (Job ID: 55213)', 'HR Executive'],
  ['Urgent Hiring', 'Urgent Hiring'],
])('%p → %p', (raw, normalized) => {
  expect(normalizeTitle(raw)).toBe(normalized)
})

test.each([
  ['Senior Java Developer', null, 'senior'],
  ['Data Analyst Intern', null, 'intern'],
  ['Associate Director - Finance', null, 'director'],
  ['Head of Engineering', null, 'director'],
  ['VP Sales', null, 'director'],
  ['Tech Lead - Node.js', null, 'lead'],
  ['Staff Software Engineer', null, 'lead'],
  ['Engineering Manager, Payments', 10, 'manager'],
  ['Area Sales Manager', 3, 'manager'],
  ['Product Manager', 4, 'mid'],
  ['Relationship Manager', 0, 'entry'],
  ['Junior Accountant', null, 'entry'],
  ['Graduate Trainee - Finance', 0, 'entry'],
  ['SDE-2 (Backend)', null, 'mid'],
  ['Software Engineer II', null, 'mid'],
  ['Java Developer', 3, 'mid'],
  ['Java Developer', 6, 'senior'],
  ['Java Developer', 12, 'lead'],
  ['Java Developer', 1, 'entry'],
  ['Business Analyst', null, null],
] as const)('%p with %p years is %p', (title, years, level) => {
  expect(detectSeniority({ title, experience_min_years: years, employment_type: null })).toBe(level)
})

test('internship employment makes an unlevelled title an intern', () => {
  expect(detectSeniority({ title: 'Flutter Developer', experience_min_years: null, employment_type: 'internship' })).toBe('intern')
})
