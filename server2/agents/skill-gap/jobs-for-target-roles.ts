/**
 * The jobs a skill-gap analysis should learn from: those whose title is close
 * to one of the user's target roles. Title closeness uses the same
 * synonym-aware similarity as fit scoring ("SDE-2" counts for "Software
 * Engineer"), which SQL text matching cannot do.
 */
import type { JobFeatures } from '../fit-score/job-features.ts'
import { titleSimilarity } from '../fit-score/title-similarity.ts'
import type { UserFeatures } from '../fit-score/user-features.ts'

/** "React Developer" for a "Frontend Developer" target scores ~0.75, "Backend Developer" 0.5. */
export const DEFAULT_MIN_TITLE_SIMILARITY = 0.6

export function jobsForTargetRoles(
  user: UserFeatures,
  jobs: readonly JobFeatures[],
  minSimilarity: number = DEFAULT_MIN_TITLE_SIMILARITY,
): JobFeatures[] {
  return jobs.filter((job) => user.roles.some((role) => titleSimilarity(role, job.role) >= minSimilarity))
}
