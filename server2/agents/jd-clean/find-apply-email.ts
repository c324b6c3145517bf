const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi
/** Addresses written to dodge scrapers: "hr [at] acme [dot] in". */
const OBFUSCATED_AT = /\s*[[({]\s*at\s*[\])}]\s*|\s+at\s+(?=[a-z0-9-]+\s*[[({]\s*dot\s*[\])}])/gi
const OBFUSCATED_DOT = /\s*[[({]\s*dot\s*[\])}]\s*/gi

const APPLY_CONTEXT = /\b(?:send|share|e-?mail|mail|forward|submit|apply|drop|write|reach)\b|\b(?:cv|resume|résumé|profile|application)s?\b/i
/** Addresses for other purposes (accessibility requests, privacy, fraud reports). */
const OTHER_PURPOSE = /accommodation|accessibility|privacy|grievance|fraud|scam|unsubscribe|data protection|gdpr|complaint/i

/**
 * The address to send applications to, when the posting asks for one
 * ("send your CV to careers@acme.in", "share profiles at hr[at]acme[dot]in").
 * Only addresses on lines that ask for an application count.
 */
export function findApplyEmail(text: string): string | null {
  for (const line of text.split('\n')) {
    if (!APPLY_CONTEXT.test(line) || OTHER_PURPOSE.test(line)) continue
    const readable = line.replace(OBFUSCATED_AT, '@').replace(OBFUSCATED_DOT, '.')
    const address = readable.match(EMAIL)?.[0]
    if (address) return address.toLowerCase().replace(/\.$/, '')
  }
  return null
}
