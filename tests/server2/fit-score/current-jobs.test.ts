import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import postgres from 'postgres'
import { clearCurrentJobsCache, currentJobFeatureSet } from '../../../server2/agents/fit-score/current-jobs.ts'
import { buildJobFeatureSet } from '../../../server2/agents/fit-score/job-features.ts'
import { featureOptions } from '../../../server2/agents/fit-score/score-delta.ts'
import { loadCurrentJobs } from '../../../server2/agents/fit-score/scoring-inputs.ts'
import { fitScore } from '../../../server2/agents/fit-score/score-job-for-user.ts'
import { buildUserFeatures } from '../../../server2/agents/fit-score/user-features.ts'
import { DEFAULT_WEIGHTS } from '../../../server2/agents/fit-score/weights.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { JOBS } from './fixtures.ts'
import { syntheticMarket } from './synthetic.ts'

let db: TestDatabase
let sql: postgres.Sql

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 2, onnotice: () => {} })
  const market = syntheticMarket(50, 120, 11)
  const rows = [...JOBS, ...market.jobs].map((job, i) => ({
    source: 'naukri',
    external_id: `cj-${i}`,
    title: job.title,
    company: job.company,
    raw_jd: job.clean_text ?? '',
    clean_jd: job.clean_text,
    structured: sql.json(job.structure as never),
    jd_cleaned: true,
  }))
  await sql`INSERT INTO jobs ${sql(rows)}`
})

afterAll(async () => {
  await sql.end()
  await db.drop()
})

describe('current jobs from persisted extracts', () => {
  test('extracts missing ones, persists them, and assembles what building from text gives (same scores)', async () => {
    clearCurrentJobsCache()
    const fromText = buildJobFeatureSet(await loadCurrentJobs(sql, 30), featureOptions)
    const first = await currentJobFeatureSet(sql, 30, featureOptions)
    const [stored] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM job_features`
    expect(stored?.n).toBe(fromText.jobs.length)
    // now from job_features only
    clearCurrentJobsCache()
    const fromRows = await currentJobFeatureSet(sql, 30, featureOptions)
    expect(fromRows).not.toBe(first)
    const users = syntheticMarket(40, 0, 5).users
    for (const set of [first, fromRows]) {
      expect(set.jobs.map((j) => j.job_id)).toEqual(fromText.jobs.map((j) => j.job_id))
      for (const input of users) {
        const a = buildUserFeatures(fromText.space, input)
        const b = buildUserFeatures(set.space, input)
        fromText.jobs.forEach((job, k) => expect(fitScore(b, set.jobs[k] as typeof job, DEFAULT_WEIGHTS)).toBe(fitScore(a, job, DEFAULT_WEIGHTS)))
      }
    }
  })

  test('reused while the current jobs are unchanged; a re-cleaned job drops its extract and the set is rebuilt', async () => {
    clearCurrentJobsCache()
    const a = await currentJobFeatureSet(sql, 30, featureOptions)
    expect(await currentJobFeatureSet(sql, 30, featureOptions)).toBe(a)
    const [job] = await sql<{ id: string }[]>`SELECT id FROM jobs ORDER BY id LIMIT 1`
    await sql`UPDATE jobs SET title = 'Chartered Accountant' WHERE id = ${job?.id as string}`
    const [left] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM job_features WHERE job_id = ${job?.id as string}`
    expect(left?.n).toBe(0)
    const b = await currentJobFeatureSet(sql, 30, featureOptions)
    expect(b).not.toBe(a)
    expect(b.jobs[0]?.title).toBe('Chartered Accountant')
    // a job leaving the window changes the set too
    await sql`UPDATE jobs SET last_seen_at = now() - interval '90 days' WHERE id = ${job?.id as string}`
    const c = await currentJobFeatureSet(sql, 30, featureOptions)
    expect(c.jobs.length).toBe(b.jobs.length - 1)
  })
})
