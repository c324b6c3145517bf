/**
 * The current jobs' feature set for full scans (and skill gap): assembled from the per-job
 * extracts persisted in `job_features` (migration 00006) instead of re-tokenising every JD per
 * request, and kept per process while the set of current jobs and their extracts is unchanged.
 *
 * A delta run persists its jobs' extracts as it scores them; a current job without one (cleaned
 * but not yet scored, or extracted by an older FEATURE_VERSION) is extracted here from its text
 * and persisted. The cached set is reused when a fingerprint of the current jobs (count, ids,
 * newest extract) matches the one it was built from; a delta run adding jobs, a job leaving the
 * window or a re-cleaned job (whose extract the trigger drops) changes it.
 */
import type { Sql } from '#shared/db/create-sql.ts'
import type { JobStructure } from '#shared/schemas/job-structure.ts'
import type { FeatureSpaceOptions } from './feature-space.ts'
import { assembleJobFeatureSet, type ExtractedJob, extractJobs, FEATURE_VERSION, type JobExtract, type JobFeatureSet } from './job-features.ts'

interface Row {
  id: string
  title: string
  company: string
  /** the extract as JSON text */
  features: string | null
  /** only when features is null */
  structured: JobStructure | null
  clean_jd: string | null
}

/** Rows per INSERT when persisting extracts. */
const PERSIST_CHUNK = 2_000

/** Stores extracts (insert or replace), e.g. a delta run's jobs once extracted. */
export async function persistJobExtracts(sql: Sql, items: readonly ExtractedJob[]): Promise<void> {
  for (let start = 0; start < items.length; start += PERSIST_CHUNK) {
    const rows = items.slice(start, start + PERSIST_CHUNK).map((item) => ({
      job_id: item.job_id,
      version: FEATURE_VERSION,
      features: sql.json(item.extract as never),
    }))
    await sql`
      INSERT INTO job_features ${sql(rows)}
      ON CONFLICT (job_id) DO UPDATE SET version = EXCLUDED.version, features = EXCLUDED.features, created_at = now()`
  }
}

let cached: { key: string; set: JobFeatureSet } | undefined

/** Forgets the cached set (tests; a taxonomy reload). */
export function clearCurrentJobsCache(): void {
  cached = undefined
}

/** Every current posting (cleaned, not a copy, seen within `days` days) as one feature set, ordered by id. */
export async function currentJobFeatureSet(sql: Sql, days: number, options: FeatureSpaceOptions): Promise<JobFeatureSet> {
  const [print] = await sql<{ n: number; ids: string; xor: string; newest: string | null; missing: number }[]>`
    SELECT count(*)::int AS n, coalesce(sum(j.id), 0)::text AS ids, coalesce(bit_xor(hashint8(j.id)), 0)::text AS xor,
           max(f.created_at)::text AS newest, count(*) FILTER (WHERE f.job_id IS NULL)::int AS missing
      FROM jobs j
      LEFT JOIN job_features f ON f.job_id = j.id AND f.version = ${FEATURE_VERSION}
     WHERE j.jd_cleaned AND j.structured IS NOT NULL AND j.duplicate_of IS NULL
       AND j.last_seen_at > now() - make_interval(days => ${days})`
  const key = `${print?.n}/${print?.ids}/${print?.xor}/${print?.newest}`
  if (print?.missing === 0 && cached?.key === key) return cached.set

  // features as text, parsed here: ~2× faster than postgres.js decoding 30,000 jsonb values
  const rows = await sql<Row[]>`
    SELECT j.id, j.title, j.company, f.features::text AS features,
           CASE WHEN f.job_id IS NULL THEN j.structured END AS structured,
           CASE WHEN f.job_id IS NULL THEN j.clean_jd END AS clean_jd
      FROM jobs j
      LEFT JOIN job_features f ON f.job_id = j.id AND f.version = ${FEATURE_VERSION}
     WHERE j.jd_cleaned AND j.structured IS NOT NULL AND j.duplicate_of IS NULL
       AND j.last_seen_at > now() - make_interval(days => ${days})
     ORDER BY j.id`
  const missing = rows.filter((row) => row.features === null)
  const fresh = extractJobs(
    missing.map((row) => ({ job_id: row.id, title: row.title, company: row.company, structure: row.structured as JobStructure, clean_text: row.clean_jd })),
    options,
  )
  const freshById = new Map(fresh.map((item) => [item.job_id, item]))
  const extracted = rows.map(
    (row): ExtractedJob =>
      row.features === null
        ? (freshById.get(row.id) as ExtractedJob)
        : { job_id: row.id, title: row.title, company: row.company, extract: JSON.parse(row.features) as JobExtract },
  )
  if (fresh.length > 0) await persistJobExtracts(sql, fresh)
  const set = assembleJobFeatureSet(extracted, options)
  // Cached only when nothing was missing: otherwise the fingerprint read above is already stale.
  if (fresh.length === 0) cached = { key, set }
  return set
}
