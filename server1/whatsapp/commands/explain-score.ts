import type { JobIndex } from '../command.ts';
import { renderScore } from '../replies.ts';
import { type CommandContext, type CommandResult, replyOnly } from './command-result.ts';
import { jobLine, resolveJob } from './resolve-job.ts';

/** `score <n>`: the fit score's own explanation (written by fit scoring on Server 2). */
export async function explainScore(context: CommandContext, n: JobIndex): Promise<CommandResult> {
  const resolved = await resolveJob(context, n);
  if ('reply' in resolved) return replyOnly(resolved.reply);
  const { job } = resolved;
  return replyOnly(
    renderScore({
      n,
      job: jobLine(job),
      summary: job.explanation?.summary ?? 'No explanation was stored for this score.',
      missingSkills: job.explanation?.missing_skills ?? [],
    }),
  );
}
