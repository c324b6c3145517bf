import type { ParsedCommand } from './command.ts';
import type { ActionCommand } from './commands/action.ts';
import { type CommandContext, type CommandResult, replyOnly } from './commands/command-result.ts';
import { explainScore } from './commands/explain-score.ts';
import { latestCoach } from './commands/latest-coach.ts';
import { showJobs } from './commands/show-jobs.ts';
import { showStatus } from './commands/show-status.ts';
import { skipJob } from './commands/skip-job.ts';
import { setAlerts } from './commands/switches.ts';
import { renderHelpFor } from './replies.ts';

/** Commands that never wait for a YES; the others run as an Action (commands/action.ts). */
export type DirectCommand = Exclude<ParsedCommand, { kind: 'yes' | 'no' } | ActionCommand>;

/**
 * Runs a command that passed the gates. Reads come from the tables the owning agents write
 * (fit_scores from Server 2, job_applications shared with Server 3's Agent 12); changes that
 * need an agent return hops, recorded in the pipeline's transaction and fired after it commits.
 */
export async function runCommand(context: CommandContext, command: DirectCommand): Promise<CommandResult> {
  switch (command.kind) {
    case 'help':
      return replyOnly(renderHelpFor(command));
    case 'status':
      return showStatus(context);
    case 'jobs':
      return showJobs(context);
    case 'score':
      return explainScore(context, command.n);
    case 'skip':
      return skipJob(context, command.n);
    case 'coach':
      return latestCoach(context);
    case 'start':
      return setAlerts(context, true);
  }
}
