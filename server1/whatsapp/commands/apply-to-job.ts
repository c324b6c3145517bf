import { hop } from '#shared/agents/agent-implementation.ts';
import { renderAlreadyApplying, renderApplying } from '../replies.ts';
import type { CommandContext, CommandResult } from './command-result.ts';
import type { ListedJob } from './job-list.ts';
import { jobLine } from './resolve-job.ts';

/**
 * `apply <n>` (after YES, or at once when confirmations are off): an approved auto application
 * for the job — a new one, or the user's queued one approved — and Agent 12 (Server 3) started
 * for it. status stays 'saved' until Agent 12 has actually applied. An application already past
 * the queue is left alone.
 */
export async function applyToJob({ tx, user, ref }: CommandContext, job: ListedJob): Promise<CommandResult> {
  const [application] = await tx<{ id: string }[]>`
    INSERT INTO job_applications AS a (user_id, job_id, job_url, company, title, source, status, auto_status, fit_score)
    VALUES (${user.id}, ${job.job_id}, ${job.job_url}, ${job.company}, ${job.title}, 'auto', 'saved', 'approved', ${job.score})
    ON CONFLICT (user_id, job_id) WHERE job_id IS NOT NULL
    DO UPDATE SET auto_status = 'approved', updated_at = now() WHERE a.auto_status = 'queued'
    RETURNING id`;
  if (!application) return { reply: renderAlreadyApplying(jobLine(job)), hops: [] };
  const applicationId = Number(application.id);
  await tx`
    INSERT INTO signals (user_id, kind, job_id, application_id, data)
    VALUES (${user.id}, 'approved', ${job.job_id}, ${applicationId}, ${tx.json({ channel: 'whatsapp' })})`;
  return {
    reply: renderApplying(jobLine(job)),
    hops: [hop('apply', { scope: 'application', application_id: applicationId, reason: ref })],
  };
}
