/**
 * Tokens for text similarity between a resume and a JD. Stop words include
 * the filler every JD shares ("experience", "candidate", "team"), because
 * terms that appear everywhere only add noise to a cosine.
 */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each etc few for from further had has have having he her here hers him his how i if ' +
    'in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own per same she ' +
    'should so some such than that the their theirs them then there these they this those through to too under until up upon us ' +
    'very was we were what when where which while who whom why will with within without would you your yours ' +
    'ability able candidate candidates company day description excellent experience experienced good great job join ' +
    'knowledge looking must need new opportunity plus preferred required requirement requirements responsibilities ' +
    'responsible role skill skills strong team using work working year years yrs well across ensure including like ' +
    'make may one least related various within want'
  ).split(' '),
)

/** Endings where a final "s" is not a plural ("class", "status", "analysis", "canvas"). */
const KEEP_S = new Set(['ss', 'us', 'is', 'as'])

/**
 * Light plural folding ("reports" → "report", "libraries" → "library") so a
 * resume and a JD that inflect differently still share terms. Deliberately no
 * full stemmer: tool names ("pandas", "analysis") must not be mangled much.
 */
function fold(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`
  if (token.length > 4 && token.endsWith('s') && !KEEP_S.has(token.slice(-2))) return token.slice(0, -1)
  return token
}

/** Whether a char code belongs in a token: a–z, 0–9, and "+" / "#" so "c++" and "c#" survive. */
function isTokenChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 35
}

/**
 * Lower-case tokens without stop words, one-letter tokens or bare numbers.
 * A hand-written scanner rather than split + regex tests: every JD and resume
 * of a run passes through here.
 */
export function textTokens(text: string): string[] {
  const lower = text.toLowerCase()
  const tokens: string[] = []
  let start = -1
  let digitsOnly = true
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32
    if (isTokenChar(c)) {
      if (start < 0) {
        start = i
        digitsOnly = true
      }
      if (c < 48 || c > 57) digitsOnly = false
      continue
    }
    if (start < 0) continue
    if (i - start >= 2 && !digitsOnly) {
      const raw = lower.slice(start, i)
      if (!STOP_WORDS.has(raw)) tokens.push(fold(raw))
    }
    start = -1
  }
  return tokens
}
