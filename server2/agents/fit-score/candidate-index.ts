/**
 * Candidate generation: an inverted index from skills (other than soft skills
 * and languages, see feature-space.ts) and specific title terms to users (for delta runs: new jobs × all users) or to jobs (for a
 * full scan: one user × all jobs), so only pairs that share at least one
 * skill or role term are scored. A pair that shares neither has zero skill
 * coverage and a title overlap of generic words at best, which keeps its
 * relevance, and with it the score, low (see combine-score.ts).
 *
 * Items that have nothing to index (a user with no skills and no roles, a job
 * with no skills and no specific title words) cannot be judged by overlap, so
 * they are candidates for every query rather than silently dropped.
 */
import type { JobFeatures } from './job-features.ts'
import type { UserFeatures } from './user-features.ts'

/** Postings in compressed-row form: the items of key k are items[offsets[k] .. offsets[k+1]). */
interface Postings {
  readonly offsets: Uint32Array
  readonly items: Uint32Array
}

interface InvertedIndex {
  readonly size: number
  readonly skills: Postings
  readonly roles: Postings
  /** positions of items with no keys */
  readonly unindexed: Uint32Array
  /** scratch for de-duplicating a query's union; stamps[item] === epoch means already taken */
  readonly stamps: Uint32Array
  /** scratch for a query's items before they are copied out sorted */
  readonly found: Uint32Array
  epoch: number
}

/** An index over users, queried with a job. Positions refer to the array it was built from. */
export interface UserCandidateIndex {
  readonly kind: 'users'
  readonly index: InvertedIndex
}

/** An index over jobs, queried with a user. Positions refer to the array it was built from. */
export interface JobCandidateIndex {
  readonly kind: 'jobs'
  readonly index: InvertedIndex
}

function buildPostings(keysOfItems: readonly Uint32Array[]): Postings {
  let keyCount = 0
  for (const keys of keysOfItems) for (const key of keys) keyCount = Math.max(keyCount, key + 1)
  const offsets = new Uint32Array(keyCount + 1)
  for (const keys of keysOfItems) for (const key of keys) offsets[key + 1] = (offsets[key + 1] as number) + 1
  for (let k = 0; k < keyCount; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number)
  const items = new Uint32Array(offsets[keyCount] as number)
  const fill = offsets.slice(0, keyCount)
  keysOfItems.forEach((keys, item) => {
    for (const key of keys) {
      items[fill[key] as number] = item
      fill[key] = (fill[key] as number) + 1
    }
  })
  return { offsets, items }
}

function buildIndex(skillKeys: readonly Uint32Array[], roleKeys: readonly Uint32Array[]): InvertedIndex {
  const unindexed: number[] = []
  skillKeys.forEach((skills, i) => {
    if (skills.length === 0 && (roleKeys[i] as Uint32Array).length === 0) unindexed.push(i)
  })
  return {
    size: skillKeys.length,
    skills: buildPostings(skillKeys),
    roles: buildPostings(roleKeys),
    unindexed: Uint32Array.from(unindexed),
    stamps: new Uint32Array(skillKeys.length),
    found: new Uint32Array(skillKeys.length),
    epoch: 0,
  }
}

function query(index: InvertedIndex, skillQuery: Uint32Array, roleQuery: Uint32Array): Uint32Array {
  if (skillQuery.length === 0 && roleQuery.length === 0) {
    return Uint32Array.from({ length: index.size }, (_, i) => i)
  }
  index.epoch += 1
  if (index.epoch === 0xffffffff) {
    index.stamps.fill(0)
    index.epoch = 1
  }
  const { stamps, epoch, found } = index
  let length = 0
  const take = (postings: Postings, keys: Uint32Array): void => {
    const { offsets, items } = postings
    const keyCount = offsets.length - 1
    for (let q = 0; q < keys.length; q++) {
      const key = keys[q] as number
      if (key >= keyCount) continue
      const end = offsets[key + 1] as number
      for (let p = offsets[key] as number; p < end; p++) {
        const item = items[p] as number
        if (stamps[item] !== epoch) {
          stamps[item] = epoch
          found[length++] = item
        }
      }
    }
  }
  take(index.skills, skillQuery)
  take(index.roles, roleQuery)
  for (const item of index.unindexed) {
    if (stamps[item] !== epoch) {
      stamps[item] = epoch
      found[length++] = item
    }
  }
  return found.slice(0, length).sort()
}

export function buildCandidateIndex(users: readonly UserFeatures[]): UserCandidateIndex {
  return {
    kind: 'users',
    index: buildIndex(
      users.map((u) => u.indexSkills),
      users.map((u) => u.roleIndexTerms),
    ),
  }
}

/** Positions (ascending) of the users worth scoring against `job`. */
export function candidateUsersForJob(users: UserCandidateIndex, job: JobFeatures): Uint32Array {
  return query(users.index, job.indexSkills, job.roleIndexTerms)
}

export function buildJobCandidateIndex(jobs: readonly JobFeatures[]): JobCandidateIndex {
  return {
    kind: 'jobs',
    index: buildIndex(
      jobs.map((j) => j.indexSkills),
      jobs.map((j) => j.roleIndexTerms),
    ),
  }
}

/** Positions (ascending) of the jobs worth scoring for `user`. */
export function candidateJobsForUser(jobs: JobCandidateIndex, user: UserFeatures): Uint32Array {
  return query(jobs.index, user.indexSkills, user.roleIndexTerms)
}
