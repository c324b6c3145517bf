import type { Tx } from '#shared/db/create-sql.ts';
import { MAX_JOB_INDEX } from '../command.ts';

/** One job of a user's numbered list, with its fit score for them. */
export type ListedJob = {
  job_id: number;
  title: string;
  company: string;
  job_url: string | null;
  score: number;
  explanation: { summary?: string; missing_skills?: string[] } | null;
};

/** A list older than this is not what the user has in mind when they type a number. */
const LIST_VALID_HOURS = 24;

/**
 * Today's top matches: the best fit scores among jobs seen this week, minus jobs the user
 * already has an application for (applied, queued or in flight) or skipped.
 */
export async function topMatches(tx: Tx, userId: string): Promise<ListedJob[]> {
  return tx<ListedJob[]>`
    SELECT j.id::int AS job_id, j.title, j.company, j.url AS job_url, f.score, f.explanation
      FROM fit_scores f JOIN jobs j ON j.id = f.job_id
     WHERE f.user_id = ${userId} AND j.duplicate_of IS NULL AND j.last_seen_at > now() - interval '7 days'
       AND NOT EXISTS (SELECT 1 FROM job_applications a WHERE a.user_id = f.user_id AND a.job_id = f.job_id)
       AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.user_id = f.user_id AND s.job_id = f.job_id AND s.kind = 'skipped')
     ORDER BY f.score DESC, f.scored_at DESC, j.id
     LIMIT ${MAX_JOB_INDEX}`;
}

/** Remembers the list just shown, so `apply 2` means the job shown as 2 even after rescoring. */
export async function rememberList(tx: Tx, userId: string, jobs: readonly ListedJob[]): Promise<void> {
  const ids = jobs.map((job) => job.job_id);
  await tx`
    INSERT INTO wa_job_lists (user_id, job_ids, sent_at) VALUES (${userId}, ${ids}::bigint[], now())
    ON CONFLICT (user_id) DO UPDATE SET job_ids = EXCLUDED.job_ids, sent_at = EXCLUDED.sent_at`;
}

export type JobLookup = { found: ListedJob } | { missing: 'no_list' | 'no_such_job' };

/** Job `n` of the list the user last saw (within a day); never a guess from a list they did not see. */
export async function jobAt(tx: Tx, userId: string, n: number): Promise<JobLookup> {
  const [list] = await tx<{ job_id: string | null }[]>`
    SELECT job_ids[${n}] AS job_id FROM wa_job_lists
     WHERE user_id = ${userId} AND sent_at > now() - ${LIST_VALID_HOURS} * interval '1 hour'`;
  if (!list) return { missing: 'no_list' };
  if (list.job_id === null) return { missing: 'no_such_job' };
  const [job] = await tx<ListedJob[]>`
    SELECT j.id::int AS job_id, j.title, j.company, j.url AS job_url, f.score, f.explanation
      FROM jobs j JOIN fit_scores f ON f.job_id = j.id AND f.user_id = ${userId}
     WHERE j.id = ${list.job_id}`;
  return job ? { found: job } : { missing: 'no_such_job' };
}
