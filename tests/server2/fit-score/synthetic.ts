/**
 * A deterministic synthetic market (users and jobs across Indian role
 * families) for measuring candidate generation; the same seed always yields
 * the same data.
 */
import type { JobInput } from '../../../server2/agents/fit-score/job-features.ts'
import type { UserInput } from '../../../server2/agents/fit-score/user-features.ts'
import { posting, profile } from './fixtures.ts'

interface Family {
  titles: string[]
  skills: string[]
  words: string[]
}

const FAMILIES: Family[] = [
  {
    titles: ['Frontend Developer', 'React Developer', 'UI Engineer', 'SDE-1 Frontend', 'Senior Frontend Engineer'],
    skills: ['javascript', 'typescript', 'react', 'redux', 'html', 'css', 'nextjs', 'jest', 'webpack', 'tailwind-css', 'angular', 'vue', 'graphql'],
    words: ['components', 'browser', 'web', 'performance', 'accessibility', 'design system', 'pages'],
  },
  {
    titles: ['Backend Engineer', 'Java Developer', 'Software Engineer - Backend', 'Node.js Developer', 'Python Developer'],
    skills: ['java', 'spring-boot', 'microservices', 'sql', 'kafka', 'aws', 'docker', 'kubernetes', 'node-js', 'python', 'django', 'postgresql', 'redis', 'golang'],
    words: ['apis', 'services', 'scalable', 'database', 'distributed', 'latency', 'backend'],
  },
  {
    titles: ['Data Analyst', 'Business Analyst', 'MIS Analyst', 'Senior Data Analyst'],
    skills: ['sql', 'excel', 'power-bi', 'python', 'tableau', 'statistics', 'pandas', 'data-visualization', 'advanced-excel'],
    words: ['dashboards', 'insights', 'reports', 'metrics', 'analysis', 'stakeholders', 'data'],
  },
  {
    titles: ['Accountant', 'Accounts Executive', 'Senior Accountant', 'GST Executive', 'Accounts Assistant'],
    skills: ['tally', 'gst', 'tds', 'excel', 'bank-reconciliation', 'accounts-payable', 'accounts-receivable', 'income-tax', 'mis-reporting', 'bookkeeping'],
    words: ['ledger', 'vouchers', 'returns', 'compliance', 'closing', 'invoices', 'books'],
  },
  {
    titles: ['Inside Sales Executive', 'Business Development Executive', 'Sales Executive', 'Telesales Executive', 'BDE'],
    skills: ['inside-sales', 'cold-calling', 'crm', 'communication', 'lead-generation', 'b2b-sales', 'negotiation', 'salesforce', 'telesales'],
    words: ['targets', 'leads', 'calls', 'pipeline', 'revenue', 'clients', 'closing'],
  },
  {
    titles: ['HR Recruiter', 'HR Executive', 'Talent Acquisition Specialist', 'HR Generalist'],
    skills: ['recruitment', 'sourcing', 'screening', 'communication', 'payroll', 'onboarding', 'hrms', 'excel'],
    words: ['hiring', 'candidates', 'interviews', 'employees', 'policies', 'joining', 'offers'],
  },
  {
    titles: ['Customer Support Executive', 'Customer Service Associate', 'Technical Support Engineer'],
    skills: ['customer-service', 'communication', 'english', 'crm', 'ticketing', 'zendesk'],
    words: ['customers', 'queries', 'tickets', 'resolution', 'shifts', 'chat', 'voice'],
  },
  {
    titles: ['Digital Marketing Executive', 'SEO Specialist', 'Social Media Manager', 'Content Writer'],
    skills: ['seo', 'google-ads', 'social-media-marketing', 'content-writing', 'google-analytics', 'copywriting', 'email-marketing'],
    words: ['campaigns', 'traffic', 'brand', 'content', 'engagement', 'audience', 'organic'],
  },
  {
    titles: ['Graphic Designer', 'UI/UX Designer', 'Product Designer'],
    skills: ['photoshop', 'illustrator', 'figma', 'ux-research', 'wireframing', 'adobe-xd'],
    words: ['creatives', 'visual', 'prototypes', 'users', 'layouts', 'brand', 'mockups'],
  },
  {
    titles: ['DevOps Engineer', 'Site Reliability Engineer', 'Cloud Engineer'],
    skills: ['aws', 'docker', 'kubernetes', 'terraform', 'ci-cd', 'linux', 'jenkins', 'ansible'],
    words: ['infrastructure', 'deployments', 'monitoring', 'uptime', 'automation', 'clusters', 'pipelines'],
  },
  {
    titles: ['Operations Executive', 'Supply Chain Executive', 'Logistics Coordinator'],
    skills: ['supply-chain', 'inventory-management', 'excel', 'logistics', 'vendor-management', 'sap'],
    words: ['warehouse', 'dispatch', 'inventory', 'vendors', 'shipments', 'orders', 'stock'],
  },
  {
    titles: ['Mechanical Design Engineer', 'Production Engineer', 'Quality Engineer'],
    skills: ['autocad', 'solidworks', 'gd-t', 'six-sigma', 'lean-manufacturing'],
    words: ['drawings', 'plant', 'production', 'quality', 'components', 'manufacturing', 'inspection'],
  },
]

const CITIES = ['Bengaluru', 'Hyderabad', 'Pune', 'Chennai', 'Mumbai', 'Noida', 'Gurugram', 'New Delhi', 'Kolkata', 'Ahmedabad', 'Jaipur', 'Kochi']

/** mulberry32: a tiny seeded PRNG, so the market is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function syntheticMarket(userCount: number, jobCount: number, seed = 42): { users: UserInput[]; jobs: JobInput[] } {
  const random = prng(seed)
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const pool = [...items]
    const out: T[] = []
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T)
    return out
  }
  const sentence = (family: Family, skills: string[]): string =>
    `${sample(family.words, 4).join(' ')} ${skills.map((s) => s.replace(/-/g, ' ')).join(', ')} ${sample(family.words, 3).join(' ')}`

  const users = Array.from({ length: userCount }, (_, i): UserInput => {
    const family = pick(FAMILIES)
    const other = pick(FAMILIES)
    const skills = [...new Set([...sample(family.skills, int(4, 9)), ...(random() < 0.2 ? sample(other.skills, 2) : [])])]
    const years = int(0, 12)
    const title = pick(family.titles)
    return {
      user_id: `u${i}`,
      target_roles: sample(family.titles, int(1, 2)),
      locations: random() < 0.15 ? [pick(CITIES), 'Remote'] : [pick(CITIES)],
      expected_salary_inr: (3 + years * 2.5 + int(0, 4)) * 100_000,
      profile: profile({
        name: `User ${i}`,
        location: pick(CITIES),
        summary: sentence(family, skills),
        years,
        roles: [{ title, company: `Company ${int(1, 500)}`, start: '2020-01', end: null, bullets: [sentence(family, skills)] }],
        skills: skills.map((s) => [s, s]),
      }),
    }
  })
  const jobs = Array.from({ length: jobCount }, (_, i): JobInput => {
    const family = pick(FAMILIES)
    const req = sample(family.skills, int(3, 6))
    const nice = sample(
      family.skills.filter((s) => !req.includes(s)),
      int(0, 3),
    )
    const min = int(0, 8)
    const mode = random() < 0.1 ? 'remote' : random() < 0.3 ? 'hybrid' : 'onsite'
    return posting(`j${i}`, pick(family.titles), `Employer ${int(1, 800)}`, {
      req,
      nice,
      years: [min, min + int(1, 4)],
      lpa: random() < 0.6 ? [3 + min * 2, 6 + min * 3] : [null, null],
      loc: mode === 'remote' ? ['Remote'] : [pick(CITIES)],
      mode,
      text: `${sentence(family, req)}. ${sentence(family, nice)}.`,
    })
  })
  return { users, jobs }
}
