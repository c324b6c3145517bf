import { describe, expect, test } from 'bun:test'
import { buildJobFeatureSet } from '../../../server2/agents/fit-score/job-features.ts'
import { scoreJobForUser } from '../../../server2/agents/fit-score/score-job-for-user.ts'
import { buildUserFeatures } from '../../../server2/agents/fit-score/user-features.ts'
import { DEFAULT_WEIGHTS } from '../../../server2/agents/fit-score/weights.ts'
import { JOBS, RELEVANCE, USERS } from './fixtures.ts'

/** NDCG@k with graded gains 2^rel − 1, the usual form for graded labels. */
function ndcgAt(k: number, ranked: readonly number[], allLabels: readonly number[]): number {
  const dcg = (labels: readonly number[]): number =>
    labels.slice(0, k).reduce((sum, rel, i) => sum + (2 ** rel - 1) / Math.log2(i + 2), 0)
  const ideal = dcg([...allLabels].sort((a, b) => b - a))
  return ideal === 0 ? 1 : dcg(ranked) / ideal
}

const { space, jobs } = buildJobFeatureSet(JOBS)

describe('ranking of hand-labelled jobs', () => {
  for (const [name, input] of Object.entries(USERS)) {
    const labels = RELEVANCE[name as keyof typeof RELEVANCE]
    const user = buildUserFeatures(space, input)
    const ranked = jobs
      .map((job) => ({ job, label: labels[job.job_id] ?? 0, result: scoreJobForUser(user, job, DEFAULT_WEIGHTS) }))
      .sort((a, b) => b.result.score - a.result.score)

    test(`${name}: every relevant job ranks above every irrelevant one`, () => {
      const lowestRelevant = Math.min(...ranked.filter((r) => r.label > 0).map((r) => r.result.score))
      const highestIrrelevant = Math.max(...ranked.filter((r) => r.label === 0).map((r) => r.result.score))
      expect(lowestRelevant).toBeGreaterThan(highestIrrelevant)
    })

    test(`${name}: NDCG@10 ≥ 0.9`, () => {
      const ndcg = ndcgAt(
        10,
        ranked.map((r) => r.label),
        jobs.map((job) => labels[job.job_id] ?? 0),
      )
      console.log(
        `NDCG@10 ${name.padEnd(7)} ${ndcg.toFixed(3)}  top: ${ranked
          .slice(0, 5)
          .map((r) => `${r.job.job_id}(${r.result.score},rel ${r.label})`)
          .join(' ')}`,
      )
      expect(ndcg).toBeGreaterThanOrEqual(0.9)
    })

    test(`${name}: unrelated jobs stay below the storage floor`, () => {
      for (const r of ranked.filter((x) => x.job.job_id.startsWith('o'))) expect(r.result.score).toBeLessThan(40)
    })
  }

  test('fixture set is big enough to mean something', () => {
    expect(Object.keys(USERS).length).toBeGreaterThanOrEqual(4)
    expect(JOBS.length).toBeGreaterThanOrEqual(30)
  })
})
