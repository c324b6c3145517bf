import { canonicalCity, cityNames } from './city-names.ts'
import type { SearchQuery } from './types.ts'

const STOP_WORDS = new Set(['a', 'an', 'and', 'for', 'in', 'of', 'the', 'to', 'with'])

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9+#.]+/)
    .map((word) => word.replace(/^\.+|\.+$/g, ''))
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
}

/**
 * Company boards (Greenhouse, Lever, Ashby) list every opening and have no
 * search, so their jobs are filtered here: every word of the role in the
 * title ("data analyst" keeps "Senior Data Analyst, Growth"), and, when the
 * query names a city, the location names it or says remote.
 */
export function matchesSearch(job: { title: string; location_text: string | null }, query: SearchQuery): boolean {
  const titleWords = new Set(words(job.title))
  if (!words(query.role).every((word) => titleWords.has(word))) return false
  if (query.city === undefined) return true
  const location = (job.location_text ?? '').toLowerCase()
  if (/\bremote\b|\banywhere\b/.test(location)) return true
  return cityNames(canonicalCity(query.city)).some((name) => location.includes(name))
}
