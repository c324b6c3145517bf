import { renderNeedJobList, renderNoSuchJob } from '../replies.ts';
import type { CommandContext } from './command-result.ts';
import { jobAt, type ListedJob } from './job-list.ts';

/** Job `n` of the user's last list, or the reply that explains why there is none. */
export async function resolveJob({ tx, user }: CommandContext, n: number): Promise<{ job: ListedJob } | { reply: string }> {
  const lookup = await jobAt(tx, user.id, n);
  if ('found' in lookup) return { job: lookup.found };
  return { reply: lookup.missing === 'no_list' ? renderNeedJobList() : renderNoSuchJob(n) };
}

export const jobLine = (job: ListedJob) => ({ title: job.title, company: job.company, fitScore: job.score });
