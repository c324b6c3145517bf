import { renderJobs } from '../replies.ts';
import { type CommandContext, type CommandResult, replyOnly } from './command-result.ts';
import { rememberList, topMatches } from './job-list.ts';

/** `jobs`: today's top five, numbered; the numbering is remembered for apply/skip/score. */
export async function showJobs({ tx, user }: CommandContext): Promise<CommandResult> {
  const jobs = await topMatches(tx, user.id);
  if (jobs.length > 0) await rememberList(tx, user.id, jobs);
  return replyOnly(renderJobs(jobs.map((job) => ({ title: job.title, company: job.company, fitScore: job.score }))));
}
