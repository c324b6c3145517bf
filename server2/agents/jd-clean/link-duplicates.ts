import type { Sql } from '#shared/db/create-sql.ts'
import type { JobStructure } from '#shared/schemas/job-structure.ts'
import { type DuplicateCandidate, groupDuplicates } from './is-same-job.ts'

/** Earlier postings older than this are reposts at best; a new opening stands on its own. */
const LOOKBACK_DAYS = 60

interface CandidateRow {
  id: string
  company: string
  content_hash: string
  clean_jd: string | null
  structured: JobStructure
  in_run: boolean
}

/**
 * Collapses the run's postings that are the same job as another posting, from this run or an
 * earlier one (same content hash, or same employer with a near-equal title, level, city and
 * wording: see matchDuplicate). Each group points at its oldest posting (the lowest id), which is
 * the one users were already scored against. Only the run's own rows change.
 */
export async function linkDuplicates(sql: Sql, scrapeRunId: number): Promise<number> {
  const rows = await sql<CandidateRow[]>`
    WITH run AS (
      SELECT id, company, content_hash FROM jobs
       WHERE scrape_run_id = ${scrapeRunId} AND jd_cleaned AND structured IS NOT NULL AND duplicate_of IS NULL
    )
    SELECT id, company, content_hash, clean_jd, structured, TRUE AS in_run FROM jobs WHERE id IN (SELECT id FROM run)
    UNION ALL
    SELECT j.id, j.company, j.content_hash, j.clean_jd, j.structured, FALSE FROM jobs j
     WHERE (j.scrape_run_id IS DISTINCT FROM ${scrapeRunId})
       AND j.jd_cleaned AND j.structured IS NOT NULL AND j.duplicate_of IS NULL
       AND j.last_seen_at > now() - make_interval(days => ${LOOKBACK_DAYS})
       AND (j.content_hash IN (SELECT content_hash FROM run)
            OR talvix_company_key(j.company) IN (SELECT talvix_company_key(company) FROM run))
    ORDER BY id`
  const candidates: DuplicateCandidate[] = rows.map((r) => ({
    company: r.company,
    content_hash: r.content_hash,
    clean_text: r.clean_jd ?? undefined,
    structure: r.structured,
  }))
  const ids: string[] = []
  const originals: string[] = []
  for (const group of groupDuplicates(candidates)) {
    if (group.length < 2) continue
    // rows are ordered by id, so the group's first index is its oldest posting
    const original = rows[group[0] as number] as CandidateRow
    for (const index of group.slice(1)) {
      const row = rows[index] as CandidateRow
      if (row.in_run) {
        ids.push(row.id)
        originals.push(original.id)
      }
    }
  }
  if (ids.length === 0) return 0
  await sql.begin(async (tx) => {
    await tx`
      UPDATE jobs j SET duplicate_of = u.original
        FROM unnest(${ids}::bigint[], ${originals}::bigint[]) AS u(id, original)
       WHERE j.id = u.id AND j.duplicate_of IS NULL`
    // copies the scrape had already linked to a posting that is itself a copy now point at the original
    await tx`
      UPDATE jobs j SET duplicate_of = u.original
        FROM unnest(${ids}::bigint[], ${originals}::bigint[]) AS u(id, original)
       WHERE j.duplicate_of = u.id`
  })
  return ids.length
}
