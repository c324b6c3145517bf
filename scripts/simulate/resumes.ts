import { type FixtureLine, renderDocx, renderPdf } from '../../tests/server2/resume-parse/fixtures/render-resume.ts'
import type { Persona } from './personas.ts'

const EMPLOYERS = ['Infosys', 'Wipro', 'Flipkart', 'Swiggy', 'Zoho', 'Freshworks', 'HDFC Bank', 'Tata Consultancy Services', 'Razorpay', 'Meesho']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The resume as lines, the way an Indian job seeker writes one: contact, summary, jobs with dates, skills, education. */
export function resumeLines(persona: Persona, roles = persona.roles): FixtureLine[] {
  const role = roles[0] ?? 'Software Engineer'
  const city = persona.cities[0] ?? 'Bengaluru'
  const lines: FixtureLine[] = [
    persona.fullName.toUpperCase(),
    `${persona.email} | ${persona.phone} | ${city}`,
    '',
    'SUMMARY',
    `${role} with ${persona.years} years of experience in ${persona.skills.slice(0, 3).join(', ')}.`,
    '',
    'EXPERIENCE',
  ]
  // the career, newest first: one job per ~3 years, at least one
  const jobs = Math.max(1, Math.ceil(persona.years / 3))
  let endYear = 2025
  for (let j = 0; j < jobs && persona.years > 0; j++) {
    const span = Math.max(1, Math.round(persona.years / jobs))
    const startYear = endYear - span
    const month = MONTHS[(persona.index + j) % 12]
    const employer = EMPLOYERS[(persona.index + j) % EMPLOYERS.length]
    const title = j === 0 ? role : (roles[1] ?? role)
    lines.push({ left: `${title}, ${employer}`, right: `${month} ${startYear} - ${j === 0 ? 'Present' : `${month} ${endYear}`}` })
    lines.push(`• Delivered ${persona.skills[j % persona.skills.length] ?? 'SQL'} work across teams`)
    lines.push(`• Used ${persona.skills.slice(0, 4).join(', ')} every day`)
    endYear = startYear
  }
  if (persona.years === 0) lines.push({ left: `${role} Intern, ${EMPLOYERS[persona.index % EMPLOYERS.length]}`, right: 'Jan 2025 - Present' })
  lines.push('', 'SKILLS', persona.skills.join(', '), '', 'EDUCATION', { left: 'B.Tech, Computer Science, VTU', right: String(2025 - persona.years - 1) })
  lines.push('', `Expected CTC: ${(persona.expectedSalaryInr / 100_000).toFixed(0)} LPA | Notice period: 30 days`)
  return lines
}

function plainText(lines: FixtureLine[]): string {
  return lines.map((line) => (typeof line === 'string' ? line : `${line.left}\t${line.right}`)).join('\n')
}

export interface ResumeFile {
  name: string
  type: string
  bytes: Uint8Array
}

/** A real file in the persona's format (the upload route decides the type by content, not by name). */
export async function renderResume(persona: Persona, roles = persona.roles): Promise<ResumeFile> {
  const lines = resumeLines(persona, roles)
  const base = persona.fullName.replace(/\s+/g, '_')
  if (persona.format === 'pdf') return { name: `${base}.pdf`, type: 'application/pdf', bytes: await renderPdf(lines) }
  if (persona.format === 'docx') {
    return { name: `${base}.docx`, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: await renderDocx(lines) }
  }
  return { name: `${base}.txt`, type: 'text/plain', bytes: new TextEncoder().encode(plainText(lines)) }
}
