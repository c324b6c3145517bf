/**
 * What a block of a posting is about. Field extraction and boilerplate removal
 * both key off this: skills under "Good to have" are nice-to-have, an
 * "Equal opportunity" block is dropped, an "About us" block is weighed against
 * the role text.
 */
export type SectionKind =
  | 'role'
  | 'requirements'
  | 'nice_to_have'
  | 'benefits'
  | 'about_company'
  | 'eeo'
  | 'apply'

export interface Section {
  /** heading text without "## " and trailing ":"; null for text before the first heading */
  heading: string | null
  kind: SectionKind
  lines: string[]
}

/**
 * Heading wording per kind. An explicit heading ("## ..." or "...:") may run on
 * ("Requirements and skills"); a bare line must be the phrase alone, so a
 * sentence such as "Experience with Java" is not taken for a heading.
 */
const HEADING_PHRASES: [SectionKind, string][] = [
  [
    'nice_to_have',
    "(?:good|nice|great) to have|(?:preferred|desired|desirable|bonus|additional|optional) (?:qualifications?|skills?|experience|requirements?|points?)|preferred|bonus(?: points)?|brownie points|pluses|plus points?|added advantage|it'?s a plus|extra credit|what would make you stand out|you might also have",
  ],
  [
    'requirements',
    "(?:(?:basic|minimum|required|key|must[- ]have|essential|mandatory|technical|core|job) )?(?:requirements?|qualifications?|skills?(?: ?(?:set|required|needed))?)(?: (?:and|&) (?:experience|qualifications?|skills?|requirements?))?|must[- ]haves?|what (?:you(?:'ll)?|you will) (?:bring|need)|what we(?:'re| are) looking for|what we expect|who (?:you are|we(?:'re| are) looking for)|about you|you have|you should have|(?:desired |ideal )?candidate(?:'s)? profile|desired profile|your profile|(?:the )?ideal candidate|eligibility(?: criteria)?|experience(?: required)?|education(?: and experience)?|key skills|skills (?:and|&) experience",
  ],
  [
    'benefits',
    "(?:perks|benefits)(?: (?:and|&) (?:benefits|perks))?|what we offer|what(?:'s| is) in it for you|why (?:join us|work (?:with|for) us|you'?ll love (?:working )?(?:here|with us))|our benefits|life at .+|employee benefits",
  ],
  ['eeo', 'equal (?:employment )?opportunit(?:y|ies)(?: employer| statement)?|eeo(?: statement)?|diversity(?:,? equity)? (?:and|&) inclusion|our commitment to diversity|dei'],
  ['apply', 'how to apply|to apply|application process|apply now|interested\\?|interested candidates?'],
  [
    'about_company',
    'about (?!(?:the |this |your )?(?:role|job|position|opportunity|team|you)\\b).+|who we are|company (?:overview|profile|description)|our (?:story|mission|company)|the company',
  ],
  [
    'role',
    "(?:key |primary )?(?:roles? (?:and|&) )?responsibilit(?:y|ies)|job (?:description|summary|details|overview)|about (?:the |this )?(?:role|job|position|opportunity|team)|(?:the|your) (?:role|opportunity|team)|role (?:overview|summary|description)|position (?:overview|summary)|overview|what (?:you(?:'ll)?|you will) (?:do|be doing)|day[- ]to[- ]day|key result areas|kras?|compensation|salary|location",
  ],
]

const EXPLICIT = HEADING_PHRASES.map(([kind, p]) => [kind, new RegExp(`^(?:${p})(?!\\w)`, 'i')] as const)
const BARE = HEADING_PHRASES.map(([kind, p]) => [kind, new RegExp(`^(?:${p})$`, 'i')] as const)

/** Classifies a heading; headings that name none of the kinds are role text. */
export function classifyHeading(heading: string): SectionKind {
  for (const [kind, pattern] of EXPLICIT) if (pattern.test(heading)) return kind
  return 'role'
}

function isBareKnownHeading(line: string): boolean {
  return BARE.some(([, pattern]) => pattern.test(line))
}

const MAX_HEADING_CHARS = 60

/**
 * Recognises a heading line: an explicit "## " line, a short line ending with
 * ":" (how bold paragraph headings come out of HTML and plain text), or a
 * short all-caps / known-heading line with no sentence punctuation.
 */
export function headingOf(line: string): string | null {
  if (line.startsWith('## ')) return line.slice(3).replace(/:\s*$/, '').trim() || null
  if (line.startsWith('- ') || line.length > MAX_HEADING_CHARS) return null
  const bare = line.replace(/:\s*$/, '').trim()
  if (!bare || /[.!?,;]$/.test(bare)) return null
  const words = bare.split(/\s+/).length
  if (line.endsWith(':')) return words <= 7 && !bare.includes(':') ? bare : null
  if (bare.includes(':') || /\d/.test(bare)) return null
  if (isBareKnownHeading(bare)) return bare
  const shouted = words <= 5 && /[A-Z]{2}/.test(bare) && bare === bare.toUpperCase()
  return shouted ? bare : null
}

/**
 * "Location: Pune", "CTC: 12 LPA", "Employment Type: Full Time" paragraphs are
 * facts about the job, not part of the list above them: after a blank line
 * they close a "Good to have" or "Benefits" section.
 */
const FIELD_LABEL =
  /^(?:job |work |office )?(?:locations?|ctc|salary|stipend|compensation|experience|exp|employment type|job type|work mode|industry(?: type)?|department|role category|role|education|notice period|shift|openings|vacancies|qualification)\s*:/i

export function splitSections(text: string): Section[] {
  const sections: Section[] = [{ heading: null, kind: 'role', lines: [] }]
  let previous = ''
  for (const line of text.split('\n')) {
    const heading = headingOf(line)
    if (heading !== null) sections.push({ heading, kind: classifyHeading(heading), lines: [] })
    else if (previous === '' && FIELD_LABEL.test(line) && sections.at(-1)?.kind !== 'role') {
      sections.push({ heading: null, kind: 'role', lines: [line] })
    } else sections.at(-1)?.lines.push(line)
    previous = line
  }
  return sections.filter((s) => s.heading !== null || s.lines.some((l) => l !== ''))
}

/** Inverse of splitSections, in the "## Heading" shape of the clean text. */
export function joinSections(sections: Section[]): string {
  const blocks = sections.map((s) => {
    const body = trimBlankLines(s.lines).join('\n')
    if (s.heading === null) return body
    return body ? `## ${s.heading}\n${body}` : `## ${s.heading}`
  })
  return blocks.filter((b) => b !== '').join('\n\n')
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0
  let end = lines.length
  while (start < end && lines[start] === '') start++
  while (end > start && lines[end - 1] === '') end--
  return lines.slice(start, end)
}
