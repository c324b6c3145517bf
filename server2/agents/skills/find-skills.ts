import { allSkills, type Skill } from './taxonomy.ts'
import { tokenize, type Tokens } from './tokenize.ts'

export { allSkills, getSkill, normalizeSkillName, type Skill } from './taxonomy.ts'

export type SkillHit = { id: string; name: string; category: string; matches: { index: number; text: string }[] }

const FREE = 0
const CASED = 1
const CONTEXT = 2
/** Marks phrases that contain a skill alias but are not a skill; matching them consumes the tokens. */
const BLOCKER = -1

// Places, titles and idioms whose first word is a skill alias ("Tamil Nadu" is not the Tamil language).
const NOT_SKILLS = [
  'tamil nadu',
  'go live',
  'go-to',
  'r&d',
  'c-suite',
  'sql injection',
  'sous chef',
  'commis chef',
  'head chef',
  'executive chef',
  'pastry chef',
  'chef de partie',
  'chef de cuisine',
]

/** exact: the form's own spelling; strict: the spelling must match before the form counts at all. */
type Term = { skill: number; mode: number; exact: string[]; strict: boolean }
type TrieNode = { next: Map<string, TrieNode> | null; term: Term | null }

const skills = allSkills()
const root = compile(skills)

function compile(list: readonly Skill[]): TrieNode {
  const top: TrieNode = { next: null, term: null }
  const insert = (form: string, skill: number, mode: number): void => {
    const t = tokenize(form)
    let node = top
    for (const word of t.lower) {
      node.next ??= new Map()
      let child = node.next.get(word)
      if (!child) node.next.set(word, (child = { next: null, term: null }))
      node = child
    }
    node.term = { skill, mode, exact: t.raw, strict: mode === CASED || (mode === CONTEXT && form.length === 1) }
  }
  list.forEach((skill, index) => {
    const cased = new Set(skill.case_sensitive)
    const contextual = new Set(skill.needs_context)
    for (const form of [skill.name, ...skill.aliases]) {
      if (contextual.has(form)) insert(form, index, CONTEXT)
      else if (cased.has(form)) insert(form, index, CASED)
      else insert(form, index, FREE)
    }
  })
  for (const phrase of NOT_SKILLS) insert(phrase, BLOCKER, FREE)
  return top
}

function caseMatches(exact: string[], t: Tokens, from: number): boolean {
  return exact.every((word, k) => {
    const raw = t.raw[from + k]
    return raw === word || raw === word.toUpperCase()
  })
}

type Candidate = { skill: number; from: number; to: number; pending: boolean; exact: string[] }

/** Leftmost-longest matches of every alias; context-dependent ones are left pending for a second look. */
function scan(t: Tokens): Candidate[] {
  const found: Candidate[] = []
  for (let i = 0; i < t.count; ) {
    let node: TrieNode | undefined = root
    let best: Term | null = null
    let bestTo = i
    for (let j = i; j < t.count; j++) {
      if (j > i && !t.joinable[j - 1]) break
      const word = t.lower[j] as string
      const singular = t.singular[j] as string
      node = node.next?.get(word) ?? (singular ? node.next?.get(singular) : undefined)
      if (!node) break
      const term: Term | null = node.term
      if (term && (!term.strict || caseMatches(term.exact, t, i))) {
        best = term
        bestTo = j + 1
      }
      if (!node.next) break
    }
    if (!best) {
      i++
      continue
    }
    if (best.skill !== BLOCKER)
      found.push({ skill: best.skill, from: i, to: bestTo, pending: best.mode === CONTEXT, exact: best.exact })
    i = bestTo
  }
  return found
}

// Words right next to an ambiguous alias that show it is meant as a skill: "C programming", "Go (lang)", "Excel sheets".
const CUES = new Set([
  'programming', 'language', 'languages', 'lang', 'developer', 'developers', 'development', 'programmer', 'coding',
  'code', 'compiler', 'scripting', 'scripts', 'framework', 'studio', 'sheets', 'formulas', 'spreadsheets', 'dashboards',
  'reports', 'documents', 'skills',
])
// Words that introduce a skill in running text: "proficient in Go.", "knowledge of C."
const INTRO = new Set(['in', 'with', 'using', 'of', 'including', 'like', 'on'])
const CONNECT = new Set(['and', 'or'])
const LEFT_DELIM = /[\n\r\t,;|/:([{•●▪■◦➢►✓✔❖*·–—]|(?:^|\s)-\s/
const RIGHT_DELIM = /[\n\r\t,;|/:)\]}•●▪■◦·–—]|\s-(?:\s|$)|^\s*[.!?](?:\s|$)/
// Glue on either side makes the letter part of something else: "R&D", "C-suite", "R.K. Sharma", "@go".
const GLUE_BEFORE = /[-&'’@_.+]$/
const GLUE_AFTER = /^(?:[-&'’@_+]|\.\S)/
const NUMBER = /^\d+$/

/** A lone capital followed by a full stop, as in the initials of "R. K. Sharma". */
function isInitial(t: Tokens, k: number): boolean {
  if (k < 0 || k >= t.count) return false
  const raw = t.raw[k] as string
  return raw.length === 1 && raw >= 'A' && raw <= 'Z' && t.text[t.end[k] as number] === '.'
}

/**
 * Decides whether a pending (ambiguous) candidate really names the skill. A neighbouring match joined by "and"/"or"
 * counts even when it is ambiguous too, so "French and German" and "Node and Express" both pass.
 */
function inSkillContext(t: Tokens, c: Candidate, startsAt: Uint8Array, endsAt: Uint8Array): boolean {
  const { from, to } = c
  const before = t.text.slice(from === 0 ? 0 : t.end[from - 1], t.start[from])
  const after = t.text.slice(t.end[to - 1], to === t.count ? t.text.length : t.start[to])
  const end = t.end[to - 1] as number
  if (GLUE_BEFORE.test(before) || GLUE_AFTER.test(t.text.slice(end, end + 2))) return false
  const prev = from > 0 ? (t.lower[from - 1] as string) : ''
  const next = to < t.count ? (t.lower[to] as string) : ''
  if ((before.endsWith('/') && NUMBER.test(prev)) || (after.startsWith('/') && NUMBER.test(next))) return false
  if (isInitial(t, from - 1) || (after.startsWith('.') && isInitial(t, to))) return false
  // Spelled differently from the taxonomy ("unity", "excel"), only a plain list entry counts.
  if (!caseMatches(c.exact, t, from)) {
    return (from === 0 || LEFT_DELIM.test(before)) && (to === t.count || RIGHT_DELIM.test(after))
  }
  if (CUES.has(next)) return true
  const leftOk =
    from === 0 ||
    LEFT_DELIM.test(before) ||
    INTRO.has(prev) ||
    CUES.has(prev) ||
    (CONNECT.has(prev) && from >= 2 && endsAt[from - 2] === 1)
  const rightOk =
    to === t.count || RIGHT_DELIM.test(after) || (CONNECT.has(next) && to + 1 < t.count && startsAt[to + 1] === 1)
  return leftOk && rightOk
}

/**
 * Finds every taxonomy skill mentioned in the text, with where each was found. Matching is on whole tokens,
 * leftmost-longest ("React Native" wins over "React"), never overlapping, case-insensitive except for the
 * aliases the taxonomy marks as case-sensitive or context-dependent.
 */
export function findSkills(text: string): SkillHit[] {
  const t = tokenize(text)
  const candidates = scan(t)
  const startsAt = new Uint8Array(t.count)
  const endsAt = new Uint8Array(t.count)
  for (const c of candidates) {
    startsAt[c.from] = 1
    endsAt[c.to - 1] = 1
  }
  const hits = new Map<number, SkillHit>()
  for (const c of candidates) {
    if (c.pending && !inSkillContext(t, c, startsAt, endsAt)) continue
    const skill = skills[c.skill] as Skill
    let hit = hits.get(c.skill)
    if (!hit) hits.set(c.skill, (hit = { id: skill.id, name: skill.name, category: skill.category, matches: [] }))
    const index = t.start[c.from] as number
    hit.matches.push({ index, text: text.slice(index, t.end[c.to - 1]) })
  }
  return [...hits.values()]
}
