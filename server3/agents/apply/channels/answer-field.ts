import type { Applicant } from './apply-channel.ts'

/** A form control as the page describes it: its label (or aria-label, placeholder, name) and kind. */
export interface FieldInfo {
  label: string
  kind: 'text' | 'email' | 'tel' | 'number' | 'textarea' | 'select' | 'file' | 'checkbox' | 'radio' | 'other'
  required: boolean
  options: string[]
}

export type Answer = { text: string } | { file: 'resume' | 'cover_letter' } | { check: true } | null

const lakhs = (inr: number) => String(Math.round((inr / 100_000) * 10) / 10)

/** "Expected CTC (LPA)" wants lakhs, "Expected CTC (in ₹)" wants rupees. */
function money(label: string, inr: number | null): Answer {
  if (inr === null) return null
  return { text: /lpa|lakh|lac/i.test(label) ? lakhs(inr) : String(inr) }
}

/**
 * What to put in one field, from the profile. Only questions the profile truly answers are
 * answered: an unknown required question makes the apply fail with its label rather than be guessed.
 */
export function answerField(field: FieldInfo, applicant: Applicant, coverLetterText: string | null): Answer {
  const label = field.label.toLowerCase()
  if (field.kind === 'file') return /cover/.test(label) ? { file: 'cover_letter' } : { file: 'resume' }
  if (field.kind === 'checkbox') return field.required && /agree|confirm|consent|accurate|terms|privacy/.test(label) ? { check: true } : null
  if (/cover letter|why .*(join|interested)|message to|about you/.test(label)) return coverLetterText ? { text: coverLetterText } : null
  if (/e-?mail/.test(label)) return applicant.email ? { text: applicant.email } : null
  if (/phone|mobile|contact number|whatsapp/.test(label)) return applicant.phone ? { text: applicant.phone } : null
  if (/notice/.test(label)) {
    const days = applicant.noticePeriodDays
    if (days === null) return null
    return { text: field.kind === 'select' ? (days === 0 ? 'immediate' : `${days}`) : String(days) }
  }
  if (/expected|desired/.test(label) && /ctc|salary|compensation|pay/.test(label)) return money(label, applicant.expectedCtcInr)
  if (/current/.test(label) && /ctc|salary|compensation|pay/.test(label)) return money(label, applicant.currentCtcInr)
  if (/experience|years/.test(label)) return applicant.totalExperienceYears !== null ? { text: String(applicant.totalExperienceYears) } : null
  if (/first name|given name/.test(label)) return { text: applicant.fullName.split(/\s+/)[0] ?? applicant.fullName }
  if (/last name|surname|family name/.test(label)) return { text: applicant.fullName.split(/\s+/).slice(1).join(' ') || applicant.fullName }
  if (/name/.test(label)) return { text: applicant.fullName }
  if (/city|location|where .* based/.test(label)) return applicant.location ? { text: applicant.location } : null
  return null
}

function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d+(\.\d+)?/g)].map((m) => Number(m[0]))
}

/**
 * The option of a select that carries an answer: an exact or containing text match, else for a
 * number the option whose range holds it ("15-30 days") or the closest single number.
 */
export function chooseOption(options: string[], answer: string): string | null {
  const wanted = answer.toLowerCase().trim()
  const exact = options.find((o) => o.toLowerCase().trim() === wanted)
  if (exact) return exact
  if (wanted === 'immediate' || wanted === '0') {
    const immediate = options.find((o) => /immediate|0 ?days|currently serving|available now/i.test(o))
    if (immediate) return immediate
  }
  const value = Number(wanted)
  if (!Number.isFinite(value)) return options.find((o) => o.toLowerCase().includes(wanted)) ?? null
  let best: { option: string; distance: number } | null = null
  for (const option of options) {
    const numbers = numbersIn(option)
    if (numbers.length === 0) continue
    const low = Math.min(...numbers)
    const high = Math.max(...numbers)
    const open = /\+|more|above/i.test(option)
    const distance = value >= low && (value <= high || open) ? 0 : Math.min(Math.abs(value - low), Math.abs(value - high))
    if (!best || distance < best.distance) best = { option, distance }
  }
  return best?.option ?? null
}
