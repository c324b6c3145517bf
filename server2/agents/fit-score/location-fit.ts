import type { WorkMode } from '../../../shared/schemas/job-structure.ts'
import { type Place, parsePlace } from './places.ts'

/** Where a user wants to work: the places they listed (remote among them) and whether they would relocate. */
export interface PlacePreference {
  readonly places: readonly Place[]
  readonly anywhere: boolean
  /** listed only "Remote": any office is a mismatch */
  readonly remoteOnly: boolean
}

/** Where a job is done. */
export interface JobPlaces {
  readonly places: readonly Place[]
  readonly remote: boolean
  readonly anywhere: boolean
  readonly mode: WorkMode | null
}

export const NEUTRAL = 0.5

export function placePreference(locations: readonly string[]): PlacePreference {
  const places: Place[] = []
  let anywhere = false
  for (const text of locations) {
    const place = parsePlace(text)
    if (place === null) continue
    if (place.kind === 'anywhere') anywhere = true
    else places.push(place)
  }
  return { places, anywhere, remoteOnly: places.length > 0 && places.every((p) => p.kind === 'remote') }
}

export function jobPlaces(locations: readonly string[], mode: WorkMode | null): JobPlaces {
  const places: Place[] = []
  let remote = mode === 'remote'
  let anywhere = false
  for (const text of locations) {
    const place = parsePlace(text)
    if (place === null) continue
    if (place.kind === 'remote') remote = true
    else if (place.kind === 'anywhere') anywhere = true
    else places.push(place)
  }
  return { places, remote, anywhere, mode }
}

/** How well one place the user named covers one place the job is in. */
function placeMatch(user: Place, job: Place): number {
  if (user.kind === 'city' && job.kind === 'city') {
    if (user.city === job.city) return 1
    // Same metro, other city (Noida ↔ Gurugram): a longer commute, not a move.
    return user.region === job.region ? 0.85 : 0
  }
  if (user.kind === 'region' && job.kind === 'city') return user.region === job.region ? 1 : 0
  if (user.kind === 'city' && job.kind === 'region') return user.region === job.region ? 0.95 : 0
  if (user.kind === 'region' && job.kind === 'region') return user.region === job.region ? 1 : 0
  return 0
}

/**
 * 1 for a remote job or one in a place the user named (a region such as
 * "Delhi NCR" covers its cities); lower for a neighbouring city of the same
 * metro; near zero when the job needs a move. Unknown on either side is
 * neutral rather than a penalty.
 */
export function locationFit(user: PlacePreference, job: JobPlaces): number {
  if (job.remote) return 1
  const jobFixed = job.places.length > 0
  if (!jobFixed && !job.anywhere) return NEUTRAL
  if (user.places.length === 0 && !user.anywhere) return NEUTRAL
  let best = 0
  if (!user.remoteOnly) {
    if (user.anywhere) best = 0.9
    // A pan-India posting usually has an office near a major city; likely but not certain.
    if (job.anywhere) best = Math.max(best, 0.8)
    for (const u of user.places) for (const j of job.places) best = Math.max(best, placeMatch(u, j))
  }
  // Hybrid needs a move as much as onsite does, but some hybrid roles flex.
  const mismatch = job.mode === 'hybrid' ? 0.15 : 0.1
  return Math.max(best, mismatch)
}
