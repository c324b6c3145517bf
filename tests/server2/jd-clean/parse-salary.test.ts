import { expect, test } from 'bun:test'
import { parseSalary } from '../../../server2/agents/jd-clean/parse-salary.ts'

const L = 100_000

test.each([
  ['Salary: ₹12-18 LPA', 12 * L, 18 * L, false],
  ['12-16 Lacs P.A.', 12 * L, 16 * L, false],
  ['CTC: 15 lakhs', 15 * L, 15 * L, false],
  ['INR 8,00,000 - 12,00,000', 8 * L, 12 * L, false],
  ['Compensation: INR 45,00,000 - 60,00,000 per annum', 45 * L, 60 * L, false],
  ['Stipend: ₹25,000/month', 300_000, 300_000, true],
  ['Stipend ₹15K - 20K per month', 180_000, 240_000, true],
  ['Stipend: Rs 15k per month', 180_000, 180_000, true],
  ['Pay: ₹18,000 - ₹25,000 a month', 216_000, 300_000, true],
  ['Salary: 40,000 - 60,000 per month', 480_000, 720_000, true],
  ['Salary: ₹25,000 - ₹35,000', 300_000, 420_000, true],
  ['Rs. 3.5 LPA', 350_000, 350_000, false],
  ['Compensation: ₹1-1.5 Cr', 10_000_000, 15_000_000, false],
  ['Up to 20 LPA', null, 20 * L, false],
  ['Salary: upto 3.6 LPA', null, 360_000, false],
  ['CTC: ₹8-12 LPA + incentives', 8 * L, 12 * L, false],
  ['₹ 8 LPA to ₹ 12 LPA', 8 * L, 12 * L, false],
  ['Salary: 4.5 L - 6 L per annum', 450_000, 6 * L, false],
  ['₹60L – ₹90L', 60 * L, 90 * L, false],
  ['Package: 28 lakhs per annum', 28 * L, 28 * L, false],
  ['Remuneration: ₹3,00,000 per annum', 3 * L, 3 * L, false],
] as const)('%p', (text, min, max, monthly) => {
  expect(parseSalary(text)).toEqual({ min, max, monthly })
})

test.each([
  'Salary: Not disclosed',
  'Not Disclosed',
  'Competitive salary, best in industry',
  'Salary: $120k - $150k',
  'We raised ₹500 crore in Series C funding',
  'We serve 50,000+ customers across 20 cities',
  '3-5 years of experience with Java',
])('no salary in %p', (text) => {
  expect(parseSalary(text)).toEqual({ min: null, max: null, monthly: false })
})

test('a labelled salary line wins over an earlier incidental figure', () => {
  const text = 'We pay ₹500 per referral bonus\nCTC: 6-9 LPA'
  expect(parseSalary(text)).toEqual({ min: 6 * L, max: 9 * L, monthly: false })
})
