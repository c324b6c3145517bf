import { createHash } from 'node:crypto'
import { normalizeCompanyName } from './normalize-company.ts'

/** Lower-case words and digits only: punctuation, bullets and spacing differ between boards. */
export function normalizeForHash(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * sha256 of company key + normalised title + normalised clean text. A repost
 * of the same job (same words, different markup, "Pvt Ltd" or not) hashes
 * equal; any change in the role text gives a new hash.
 */
export function contentHash(input: { company: string; title_normalized: string; clean_text: string }): string {
  const key = [normalizeCompanyName(input.company), normalizeForHash(input.title_normalized), normalizeForHash(input.clean_text)]
  return createHash('sha256').update(key.join('\n')).digest('hex')
}
