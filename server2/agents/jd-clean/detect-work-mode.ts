import type { WorkMode } from '../../../shared/schemas/job-structure.ts'

const NOT_REMOTE = /\b(?:not (?:a )?(?:remote|wfh)|no (?:remote|wfh|work from home)|remote (?:work )?(?:is )?not (?:available|possible|allowed))\b/i
/** "3 days in office" is hybrid; five days in office is simply onsite. */
const HYBRID = /\bhybrid\b|\b[1-4]\s*days? (?:a week |per week )?(?:in|from|at) (?:the )?office\b|\b(?:wfo|work from office) [1-4]\s*days?\b|\bflexible (?:between )?(?:home|office) (?:and|&) (?:home|office)\b/i
const REMOTE =
  /\b(?:fully|100%|completely|permanent(?:ly)?|full[- ]time) remote\b|\bremote[- ](?:first|friendly|only|role|job|position|work(?:ing)?|opportunity|based)\b|\bwork(?:ing)? remotely\b|\bwork from home\b|\bwork from anywhere\b|\bwfh\b|\bremote\s*(?:\(india\)|[-–,]\s*india)|\banywhere in india\b|^(?:- )?(?:job |work )?(?:location|work mode|workplace type|mode)\s*[:\-–]\s*remote\b|^\(?remote\)?$/im
const ONSITE = /\bon[- ]?site\b|\bin[- ]office\b|\bwork from (?:the )?office\b|\bwfo\b|\boffice[- ]based\b|\bwork(?:ing)? from our .{0,30} office\b/i

/**
 * Remote / hybrid / onsite. The board's location field and the title speak
 * first ("Bengaluru (Hybrid)", "Engineer (Remote)"), then the text. Hybrid
 * wins over the others because hybrid postings mention both office and home;
 * an explicit "not remote" means onsite.
 */
export function detectWorkMode(input: { location_text?: string | null; title: string; text: string }): WorkMode | null {
  return modeIn(`${input.location_text ?? ''}\n${input.title}`, true) ?? modeIn(input.text, false)
}

/** In a location field or title a bare "Remote" is the mode; in prose it may be "remote monitoring". */
function modeIn(text: string, bareRemoteCounts: boolean): WorkMode | null {
  if (HYBRID.test(text)) return 'hybrid'
  if (NOT_REMOTE.test(text)) return 'onsite'
  const remote = REMOTE.test(text) || (bareRemoteCounts && /\bremote\b/i.test(text))
  if (remote && !ONSITE.test(text)) return 'remote'
  if (ONSITE.test(text)) return 'onsite'
  return remote ? 'remote' : null
}
