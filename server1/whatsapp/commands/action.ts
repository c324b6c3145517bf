import type { JobIndex } from '../command.ts';
import { renderConfirmPrompt, renderJobLine } from '../replies.ts';
import { applyToJob } from './apply-to-job.ts';
import { approveAll } from './approve-all.ts';
import type { CommandContext, CommandResult } from './command-result.ts';
import type { ListedJob } from './job-list.ts';
import { jobLine, resolveJob } from './resolve-job.ts';
import { setAlerts, setAutoApply } from './switches.ts';

/**
 * A command that gate 3 may hold for a YES, fully resolved: `apply 2` carries the job it meant
 * when asked, so the YES applies to the job named in the question even if the list changed.
 * Stored as JSON in wa_pending_confirmations.
 */
export type Action =
  | { kind: 'apply'; n: JobIndex; job: ListedJob }
  | { kind: 'approve_all' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'stop' };

export type ActionCommand = { kind: 'apply'; n: JobIndex } | Exclude<Action, { kind: 'apply' }>;

/** The action a command stands for, or the reply that says why it cannot be resolved. */
export async function resolveAction(context: CommandContext, command: ActionCommand): Promise<{ action: Action } | { reply: string }> {
  if (command.kind !== 'apply') return { action: command };
  const resolved = await resolveJob(context, command.n);
  return 'reply' in resolved ? resolved : { action: { kind: 'apply', n: command.n, job: resolved.job } };
}

export function confirmPrompt(action: Action, validMinutes: number): string {
  if (action.kind === 'apply') return renderConfirmPrompt(action, validMinutes, renderJobLine(jobLine(action.job)));
  return renderConfirmPrompt(action, validMinutes);
}

export function runAction(context: CommandContext, action: Action): Promise<CommandResult> {
  switch (action.kind) {
    case 'apply':
      return applyToJob(context, action.job);
    case 'approve_all':
      return approveAll(context);
    case 'pause':
      return setAutoApply(context, false);
    case 'resume':
      return setAutoApply(context, true);
    case 'stop':
      return setAlerts(context, false);
  }
}
