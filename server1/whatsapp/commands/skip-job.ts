import type { JobIndex } from '../command.ts';
import { renderSkipped } from '../replies.ts';
import { type CommandContext, type CommandResult, replyOnly } from './command-result.ts';
import { jobLine, resolveJob } from './resolve-job.ts';

/**
 * `skip <n>`: a 'skipped' signal (calibration learns from it, and the job leaves the list) and, if
 * the job was queued or approved but not started, that application is skipped too.
 */
export async function skipJob(context: CommandContext, n: JobIndex): Promise<CommandResult> {
  const resolved = await resolveJob(context, n);
  if ('reply' in resolved) return replyOnly(resolved.reply);
  const { tx, user } = context;
  const { job } = resolved;
  const skipped = await tx<{ id: string }[]>`
    UPDATE job_applications SET auto_status = 'skipped', updated_at = now()
     WHERE user_id = ${user.id} AND job_id = ${job.job_id} AND auto_status IN ('queued', 'approved')
    RETURNING id`;
  await tx`
    INSERT INTO signals (user_id, kind, job_id, application_id, data)
    VALUES (${user.id}, 'skipped', ${job.job_id}, ${skipped[0] ? Number(skipped[0].id) : null}, ${tx.json({ channel: 'whatsapp' })})`;
  return replyOnly(renderSkipped(jobLine(job)));
}
