import { canonicalCity, normalizeWhitespace } from './city-names.ts'
import type { SearchQuery } from './types.ts'

export interface SearchUser {
  target_roles: string[]
  locations: string[]
}

export interface BuildSearchQueriesOptions {
  /** platforms page slowly, so the nightly run searches at most this many (role, city) pairs */
  maxQueries: number
}

/**
 * The searches for one scrape run: every (role, city) pair some user wants
 * (a user without cities searches the role nationwide), deduplicated ignoring
 * case, spacing and city aliases. Over the cap, the pairs most users share
 * win; ties break alphabetically so the choice is stable from run to run.
 */
export function buildSearchQueries(users: SearchUser[], opts: BuildSearchQueriesOptions): SearchQuery[] {
  const demand = new Map<string, { query: SearchQuery; users: number }>()
  for (const user of users) {
    const roles = new Set(user.target_roles.map((role) => normalizeWhitespace(role).toLowerCase()).filter((role) => role !== ''))
    const cities = new Set(user.locations.map(canonicalCity).filter((city) => city !== ''))
    const pairs: SearchQuery[] = []
    for (const role of roles) {
      if (cities.size === 0) pairs.push({ role })
      for (const city of cities) pairs.push({ role, city })
    }
    for (const query of pairs) {
      const key = `${query.role}\u0000${query.city ?? ''}`
      const entry = demand.get(key)
      if (entry) entry.users++
      else demand.set(key, { query, users: 1 })
    }
  }
  return [...demand.values()]
    .toSorted(
      (a, b) =>
        b.users - a.users || a.query.role.localeCompare(b.query.role) || (a.query.city ?? '').localeCompare(b.query.city ?? ''),
    )
    .slice(0, Math.max(0, opts.maxQueries))
    .map((entry) => entry.query)
}
