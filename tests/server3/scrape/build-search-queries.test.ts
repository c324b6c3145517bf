import { expect, test } from 'bun:test'
import { buildSearchQueries } from '../../../server3/agents/scrape/build-search-queries.ts'

test('one query per (role, city) some user wants, deduplicated ignoring case, spacing and city aliases', () => {
  const queries = buildSearchQueries(
    [
      { target_roles: ['Data Analyst', ' data  analyst '], locations: ['Bangalore', 'Pune'] },
      { target_roles: ['DATA ANALYST'], locations: ['bengaluru'] },
      { target_roles: ['Backend Developer'], locations: ['Gurgaon'] },
    ],
    { maxQueries: 10 },
  )
  expect(queries).toEqual([
    { role: 'data analyst', city: 'bengaluru' },
    { role: 'backend developer', city: 'gurugram' },
    { role: 'data analyst', city: 'pune' },
  ])
})

test('a user without cities searches the role nationwide; blank entries are ignored', () => {
  expect(buildSearchQueries([{ target_roles: ['Product Manager', '  '], locations: [] }], { maxQueries: 5 })).toEqual([{ role: 'product manager' }])
  expect(buildSearchQueries([{ target_roles: [], locations: ['Pune'] }], { maxQueries: 5 })).toEqual([])
})

test('over the cap, the pairs most users share are kept, ties alphabetical', () => {
  const users = [
    { target_roles: ['devops engineer'], locations: ['pune'] },
    { target_roles: ['data analyst'], locations: ['chennai'] },
    { target_roles: ['sre'], locations: ['pune'] },
    { target_roles: ['data analyst'], locations: ['chennai'] },
  ]
  expect(buildSearchQueries(users, { maxQueries: 2 })).toEqual([
    { role: 'data analyst', city: 'chennai' },
    { role: 'devops engineer', city: 'pune' },
  ])
  expect(buildSearchQueries(users, { maxQueries: 0 })).toEqual([])
})
