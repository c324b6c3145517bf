import { expect, test } from 'bun:test'
import { matchesSearch } from '../../../server3/agents/scrape/matches-search.ts'

const job = (title: string, location_text: string | null) => ({ title, location_text })

test('every word of the role must be in the title, in any order or case', () => {
  expect(matchesSearch(job('Senior Data Analyst, Growth', null), { role: 'data analyst' })).toBe(true)
  expect(matchesSearch(job('Analyst - Data Platform', null), { role: 'Data Analyst' })).toBe(true)
  expect(matchesSearch(job('Data Engineer', null), { role: 'data analyst' })).toBe(false)
  expect(matchesSearch(job('Node.js Developer', null), { role: 'node.js developer' })).toBe(true)
  expect(matchesSearch(job('Head of Product', null), { role: 'head of product' })).toBe(true)
})

test('a city matches any of its names, and remote postings match every city', () => {
  expect(matchesSearch(job('Data Analyst', 'Bangalore, Karnataka, India'), { role: 'data analyst', city: 'Bengaluru' })).toBe(true)
  expect(matchesSearch(job('Data Analyst', 'Gurugram'), { role: 'data analyst', city: 'gurgaon' })).toBe(true)
  expect(matchesSearch(job('Data Analyst', 'Remote - India'), { role: 'data analyst', city: 'pune' })).toBe(true)
  expect(matchesSearch(job('Data Analyst', 'Mumbai'), { role: 'data analyst', city: 'pune' })).toBe(false)
  expect(matchesSearch(job('Data Analyst', null), { role: 'data analyst', city: 'pune' })).toBe(false)
})
