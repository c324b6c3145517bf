import type { Section } from './split-sections.ts'

/** Sentences of equal-opportunity statements, wherever they appear. */
const EEO_LINE =
  /equal (?:employment )?opportunit(?:y|ies)|all qualified (?:applicants|candidates) will receive|without regard to (?:race|religion|caste|gender|age|sex|colou?r)|(?:does|do) not discriminate|regardless of (?:race|religion|caste|gender|age|sex|colou?r)|\beeo\b|committed to (?:building |creating |fostering )?(?:a )?(?:diverse|inclusive)|celebrates? diversity|we value diversity|reasonable accommodations?/i

/** Board and recruiter chrome: buttons, share links, counters, fraud warnings. */
const CHROME_LINE = [
  /^(?:- )?(?:apply(?: now| here| for this (?:job|position|role))?|easy apply|quick apply|save(?: job| this job)?|share(?: this)?(?: job| post)?|report (?:this )?job|show (?:more|less)|see more|read more|view all jobs|back to (?:jobs|search|all jobs)|sign in|log ?in to apply|register to apply|i'?m interested|follow|send me jobs like this|similar jobs)\.?$/i,
  /\b(?:click|tap) (?:here|the (?:button|link)) to apply\b|\bapply (?:now|here|online) (?:at|on|via|through|using)\b|\bshare (?:this|on) (?:job|linkedin|whatsapp|facebook|twitter|x)\b/i,
  /^(?:- )?(?:posted|reposted|updated)\s*(?::|on)?\s*(?:\d+\s*(?:\+\s*)?(?:days?|hours?|weeks?|months?) ago|today|yesterday|just now)\b/i,
  /^(?:- )?(?:\d+\+?|over \d+)\s*(?:applicants|applications|people clicked apply)\b/i,
  /^(?:- )?(?:openings|applicants|job views)\s*:\s*\d+/i,
  /^(?:- )?(?:job|req(?:uisition)?|reference|ref)\.?\s*(?:id|no\.?|number|code)\s*[:#-]?\s*[\w-]+$/i,
  /skills highlighted with .* are preferred key ?skills/i,
  /\b(?:never|does not|do not|doesn'?t|will not) (?:ask|charge|request|collect)\b.*\b(?:money|fee|fees|payment|deposit)\b/i,
  /^(?:- )?(?:interested candidates?|interested applicants?|interested\?)\b.*\b(?:apply|send|share|mail|e-?mail|forward|reach)\b/i,
  /\b(?:send|share|mail|e-?mail|forward)\b.*\b(?:cv|resume|résumé|profile)s?\b.*(?:@|\[at\]|\(at\))/i,
]

/** Generic perk lines that say nothing about the role. */
const FLUFF_LINE = /^(?:- )?(?:competitive (?:salary|compensation|pay)(?: (?:and|&) benefits)?|attractive (?:salary|package|incentives)|best in (?:the )?industry|great (?:work )?culture|amazing (?:work )?culture|fun (?:work )?environment|fast[- ]paced (?:work )?environment)\.?$/i

/** "About us" dwarfs the role when it is at least this many times longer than the role text. */
const ABOUT_DWARFS_ROLE_RATIO = 2

/** Sections that are boilerplate whatever their size. */
const ALWAYS_DROPPED = new Set<Section['kind']>(['eeo', 'benefits', 'apply'])

export function isBoilerplateLine(line: string): boolean {
  return EEO_LINE.test(line) || CHROME_LINE.some((p) => p.test(line)) || FLUFF_LINE.test(line)
}

/**
 * Keeps what describes the job. EEO, benefits and how-to-apply sections go,
 * and so do boilerplate lines anywhere (EEO sentences, board buttons, share
 * links, counters). An "About us" section stays while it is context and goes
 * when it dwarfs the role text (twice its length or more): then it is the
 * company's brochure, and it would dominate text similarity and the hash.
 */
export function stripBoilerplate(sections: Section[]): Section[] {
  const kept = sections
    .filter((s) => !ALWAYS_DROPPED.has(s.kind))
    .map((s) => ({ ...s, lines: s.lines.filter((l) => !isBoilerplateLine(l)) }))
    .filter((s) => s.lines.some((l) => l !== ''))
  const size = (kind: 'about' | 'role') =>
    kept.filter((s) => (s.kind === 'about_company') === (kind === 'about')).reduce((n, s) => n + s.lines.join(' ').length, 0)
  const aboutDwarfsRole = size('about') >= ABOUT_DWARFS_ROLE_RATIO * size('role')
  return aboutDwarfsRole ? kept.filter((s) => s.kind !== 'about_company') : kept
}
