import { FIXTURE_CITIES, FIXTURE_ROLE_SKILLS, FIXTURE_ROLES } from '../fixtures/job-boards/fixture-jobs.ts'
import type { Random } from '../fixtures/random.ts'

export type Plan = 'free' | 'pro' | 'premium'
export type ResumeFormat = 'txt' | 'pdf' | 'docx'

/** One simulated job seeker: who they are and what they will do during the day. */
export interface Persona {
  index: number
  id: string
  fullName: string
  email: string
  phone: string
  roles: string[]
  /** empty: searches nationwide */
  cities: string[]
  years: number
  skills: string[]
  plan: Plan
  /** paid users who chose to review auto-applies for a week (free plans always review) */
  reviewDays: number
  autoApply: boolean
  minScore: number
  expectedSalaryInr: number
  format: ResumeFormat
  /** a Naukri login captured through the vault, alive */
  naukriSession: boolean
  /** a LinkedIn login captured with its login cookie already expired: session health must catch it */
  expiredLinkedin: boolean
  /** links a WhatsApp number (code sent over WhatsApp, typed back) */
  whatsapp: boolean
  /** later in the day: picks other target roles (fit scores go stale) */
  changesRoles: boolean
  /** later in the day: uploads a new resume (fit scores go stale, onboarding runs again) */
  reuploads: boolean
  /** pays for the next plan up (free → Pro, Pro → Premium) through Razorpay during the day */
  pays: boolean
}

const FIRST = ['Asha', 'Rahul', 'Priya', 'Vikram', 'Neha', 'Arjun', 'Kavya', 'Rohan', 'Sneha', 'Aditya', 'Meera', 'Karthik', 'Divya', 'Siddharth', 'Ananya', 'Farhan']
const LAST = ['Rao', 'Sharma', 'Iyer', 'Patel', 'Nair', 'Gupta', 'Reddy', 'Menon', 'Khan', 'Das', 'Joshi', 'Kulkarni', 'Bose', 'Pillai']

function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(16).toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** The first few personas always take the rare paths, so a small day still exercises every one. */
export function makePersonas(count: number, random: Random): Persona[] {
  return Array.from({ length: count }, (_, index) => {
    const roles = random.some(FIXTURE_ROLES, 1, 2)
    const cities = random.chance(0.1) ? [] : random.some(FIXTURE_CITIES, 1, 2)
    const skills = [...new Set(roles.flatMap((role) => (FIXTURE_ROLE_SKILLS[role] ?? []).filter(() => random.chance(0.75))))]
    const planRoll = random.next()
    const plan: Plan = planRoll < 0.6 ? 'free' : planRoll < 0.9 ? 'pro' : 'premium'
    const years = random.int(16)
    const first = random.pick(FIRST)
    const last = random.pick(LAST)
    const formatRoll = random.next()
    return {
      index,
      id: uuidFrom(random),
      fullName: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}.${index}@example.in`,
      phone: `+9190${String(10_000_000 + index).padStart(8, '0')}`,
      roles,
      cities,
      years,
      skills: skills.length > 0 ? skills : (FIXTURE_ROLE_SKILLS[roles[0] ?? ''] ?? ['SQL']).slice(0, 2),
      plan,
      reviewDays: plan === 'free' || random.chance(0.3) ? 7 : 0,
      autoApply: index === 0 || random.chance(0.5),
      minScore: 55 + random.int(25),
      expectedSalaryInr: (4 + years * 2 + random.int(6)) * 100_000,
      format: formatRoll < 0.7 ? 'txt' : formatRoll < 0.9 ? 'pdf' : 'docx',
      naukriSession: index === 0 || random.chance(0.7),
      expiredLinkedin: index === 1 || random.chance(0.12),
      whatsapp: index < 3 || random.chance(0.4),
      changesRoles: index === 2 || random.chance(0.03),
      reuploads: index === 3 || random.chance(0.015),
      pays: index === 4 || random.chance(0.01),
    }
  })
}
