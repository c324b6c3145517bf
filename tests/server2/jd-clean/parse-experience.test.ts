import { expect, test } from 'bun:test'
import { parseExperience } from '../../../server2/agents/jd-clean/parse-experience.ts'

test.each([
  ['Experience: 3-5 yrs', 3, 5],
  ['- 5+ years of experience in Java', 5, null],
  ['- 0-2 years experience', 0, 2],
  ['Fresher', 0, 0],
  ['Freshers can apply', 0, 0],
  ['Minimum 4 years of experience in sales', 4, null],
  ['Exp: 2 to 4 yrs', 2, 4],
  ['Relevant experience of 3 years+', 3, null],
  ['At least 6 years of experience', 6, null],
  ['6 months of experience in customer support', 0.5, null],
  ['Up to 3 years experience', 0, 3],
  ['Exp 1.5 - 3 Years', 1.5, 3],
  ['3-8 Yrs', 3, 8],
  ['- 3-6 years in customer success or account management', 3, 6],
  ['Experience: 3–5 years', 3, 5],
] as const)('%p', (text, min, max) => {
  expect(parseExperience(text)).toEqual({ min, max })
})

test('overall experience beats a narrower ask on the same line', () => {
  expect(parseExperience('- 5+ years overall experience; 2+ years in AWS')).toEqual({ min: 5, max: null })
})

test('a labelled line beats ranges elsewhere', () => {
  const text = '- 2-3 years with React\nExperience: 4-6 years'
  expect(parseExperience(text)).toEqual({ min: 4, max: 6 })
})

test.each([
  'We were founded 10 years ago',
  'Acme has been in business for 25 years',
  'This is a 2 year contract duration role',
  'Our customers trust us for 15 years of experience in logistics since 2009',
])('no experience in %p', (text) => {
  expect(parseExperience(text)).toEqual({ min: null, max: null })
})
