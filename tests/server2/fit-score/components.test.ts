import { describe, expect, test } from 'bun:test'
import { Interner } from '../../../server2/agents/fit-score/interner.ts'
import { experienceFit, experienceRange } from '../../../server2/agents/fit-score/experience-fit.ts'
import { jobPlaces, locationFit, placePreference } from '../../../server2/agents/fit-score/location-fit.ts'
import { parsePlace } from '../../../server2/agents/fit-score/places.ts'
import { salaryFit } from '../../../server2/agents/fit-score/salary-fit.ts'
import { roleTerms, roleVector, titleSimilarity } from '../../../server2/agents/fit-score/title-similarity.ts'
import { textTokens } from '../../../server2/agents/fit-score/text-tokens.ts'

describe('title similarity', () => {
  const interner = new Interner()
  const sim = (target: string, job: string): number => titleSimilarity(roleVector(target, interner), roleVector(job, interner))

  test('abbreviations and synonyms fold together', () => {
    expect(sim('SDE', 'Software Engineer')).toBe(1)
    expect(sim('Software Developer', 'Software Engineer')).toBe(1)
    expect(sim('Sr. Accountant', 'Senior Accountant')).toBe(1)
    expect(sim('BDE', 'Business Development Executive')).toBe(1)
    expect(sim('Accounts Executive', 'Accts Exec')).toBe(1)
    expect(sim('Frontend Developer', 'Front-End Engineer')).toBe(1)
  })

  test('seniority, levels and a trailing city are not part of the role', () => {
    expect(sim('Software Engineer', 'SDE-2')).toBe(1)
    expect(sim('Software Engineer', 'Senior Software Engineer II - Bangalore')).toBe(1)
    expect([...roleTerms('Accountant (Urgent Hiring) - Gurgaon').keys()]).toEqual(['account'])
  })

  test('a stack word implies its domain, more weakly', () => {
    expect(sim('Frontend Developer', 'React Developer')).toBeGreaterThan(0.7)
    expect(sim('SDE', 'React Developer')).toBeGreaterThan(0.5)
    expect(sim('Frontend Developer', 'Backend Developer')).toBeLessThan(sim('Frontend Developer', 'React Developer'))
  })

  test('sharing only a generic role noun is a weak match', () => {
    expect(sim('Inside Sales Executive', 'Accounts Executive')).toBeLessThan(0.3)
    expect(sim('Software Engineer', 'Sales Engineer')).toBeLessThan(0.35)
    expect(sim('Data Analyst', 'Accountant')).toBe(0)
  })
})

const fit = (user: string[], job: string[], mode: 'remote' | 'hybrid' | 'onsite' | null = 'onsite'): number =>
  locationFit(placePreference(user), jobPlaces(job, mode))

describe('location fit', () => {

  test('aliases name the same city', () => {
    expect(parsePlace('Bangalore, Karnataka')).toEqual({ kind: 'city', city: 'bengaluru', region: 'bengaluru' })
    expect(parsePlace('Gurgaon')).toEqual({ kind: 'city', city: 'gurugram', region: 'ncr' })
    expect(fit(['Bombay'], ['Mumbai'])).toBe(1)
  })

  test('Delhi NCR covers Noida and Gurugram; neighbouring NCR cities are close but not the same', () => {
    expect(fit(['Delhi NCR'], ['Noida, Uttar Pradesh'])).toBe(1)
    expect(fit(['Delhi NCR'], ['Gurugram'])).toBe(1)
    expect(fit(['Noida'], ['Gurgaon'])).toBe(0.85)
    expect(fit(['Noida'], ['Delhi/NCR'])).toBe(0.95)
  })

  test('remote jobs fit anyone; remote-only users do not fit offices', () => {
    expect(fit(['Chennai'], ['Bengaluru'], 'remote')).toBe(1)
    expect(fit(['Chennai'], ['Remote'], null)).toBe(1)
    expect(fit(['Remote'], ['Pune'])).toBe(0.1)
  })

  test('another city needs a move; hybrid is slightly softer; unknowns are neutral', () => {
    expect(fit(['Pune'], ['Kolkata'])).toBe(0.1)
    expect(fit(['Pune'], ['Kolkata'], 'hybrid')).toBe(0.15)
    expect(fit([], ['Kolkata'])).toBe(0.5)
    expect(fit(['Pune'], [], null)).toBe(0.5)
    expect(fit(['Open to relocate'], ['Kolkata'])).toBe(0.9)
  })
})

describe('experience fit', () => {
  test('inside the range fits; outside tapers, faster below than above', () => {
    const range = experienceRange(3, 5, null)
    expect(experienceFit(4, range)).toBe(1)
    expect(experienceFit(2, range)).toBeCloseTo(0.6)
    expect(experienceFit(6, range)).toBeGreaterThan(experienceFit(2, range))
    expect(experienceFit(0, range)).toBe(0)
  })

  test('a fresher does not fit a senior role; seniority stands in for a missing range', () => {
    expect(experienceFit(0, experienceRange(null, null, 'senior'))).toBe(0)
    expect(experienceFit(0, experienceRange(null, null, 'entry'))).toBe(1)
    expect(experienceFit(7, experienceRange(null, null, null))).toBe(0.5)
  })

  test('an open top ("5+ years") still frowns on far more experience', () => {
    expect(experienceRange(5, null, null)).toEqual({ min: 5, max: 14 })
    expect(experienceFit(12, experienceRange(5, null, null))).toBe(1)
    expect(experienceFit(20, experienceRange(2, null, null))).toBe(0)
  })
})

describe('salary fit', () => {
  test('a band reaching the expectation fits; a short band tapers; unknown is neutral', () => {
    expect(salaryFit(1_200_000, 1_000_000, 1_500_000)).toBe(1)
    expect(salaryFit(1_200_000, 2_000_000, 2_500_000)).toBe(1)
    expect(salaryFit(1_200_000, 600_000, 1_000_000)).toBeCloseTo(1 - 1 / 6 / 0.4)
    expect(salaryFit(1_200_000, 300_000, 600_000)).toBe(0)
    expect(salaryFit(null, 300_000, 600_000)).toBe(0.5)
    expect(salaryFit(1_200_000, null, null)).toBe(0.5)
    expect(salaryFit(1_200_000, 1_000_000, null)).toBe(1)
  })
})

describe('text tokens', () => {
  test('keeps tool names, drops filler and numbers, folds plurals', () => {
    expect(textTokens('Strong experience with C++ and C# and 5 years of dashboards, reports')).toEqual([
      'c++',
      'c#',
      'dashboard',
      'report',
    ])
  })
})
