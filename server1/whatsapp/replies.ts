import { MAX_JOB_INDEX, type HelpCommand, type NumberedVerb, type ParsedCommand } from './command.ts';

/**
 * The bot's words. Every reply fits one phone screen (at most 12 lines, short
 * lines) because a reply that needs scrolling is not read. WhatsApp renders
 * *bold*, which marks what the user can type back.
 */

export function renderHelp(): string {
  return [
    '*Talvix commands*',
    '*jobs* – today’s top 5 matches',
    '*apply 2* / *skip 2* – act on job 2',
    '*score 2* – why job 2 scored that',
    '*approve all* – approve queued applies',
    '*status* – plan, quota, this week',
    '*coach* – today’s coaching tip',
    '*pause* / *resume* – auto-apply',
    '*stop* / *start* – these alerts',
    'Hindi chalega: madad, naukri, ruko, shuru',
  ].join('\n');
}

const NUMBER_USE: Record<NumberedVerb, string> = {
  apply: 'apply to',
  skip: 'skip',
  score: 'see the score of',
};

/** The reply to any help result: the menu, or a one-line fix for a bad job number. */
export function renderHelpFor(command: HelpCommand): string {
  switch (command.reason) {
    case 'asked':
    case 'empty':
      return renderHelp();
    case 'unknown':
      return `Sorry, I didn’t get that.\n${renderHelp()}`;
    case 'number_missing':
    case 'number_out_of_range':
      return [
        `Which job should I ${NUMBER_USE[command.command]}?`,
        `Send a number 1–${MAX_JOB_INDEX}, e.g. *${command.command} 2*.`,
        'Send *jobs* to see the list.',
      ].join('\n');
  }
}

/** Commands that change something; gate 3 decides which of them ask first. */
export type ChangingCommand = Extract<
  ParsedCommand,
  { kind: 'apply' | 'skip' | 'approve_all' | 'pause' | 'resume' | 'stop' | 'start' }
>;

function describeChange(command: ChangingCommand): string {
  switch (command.kind) {
    case 'apply':
      return `Apply to job ${command.n}`;
    case 'skip':
      return `Skip job ${command.n}`;
    case 'approve_all':
      return 'Approve every queued application';
    case 'pause':
      return 'Pause auto-apply';
    case 'resume':
      return 'Resume auto-apply';
    case 'stop':
      return 'Stop WhatsApp alerts';
    case 'start':
      return 'Start WhatsApp alerts';
  }
}

export function renderConfirmPrompt(command: ChangingCommand, validMinutes: number): string {
  return `${describeChange(command)}?\nReply *YES* within ${validMinutes} minutes, or *NO* to cancel.`;
}

export function renderCancelled(): string {
  return 'Cancelled. Nothing was changed.';
}

/** YES/NO with no question pending, or one that expired. */
export function renderNothingToConfirm(): string {
  return 'There is nothing waiting for a YES or NO.\nSend the command again to start over.';
}

/** The one reply per day an unknown number gets; it tells nothing about any account. */
export function renderUnknownSender(): string {
  return [
    'Hi! This number is not linked to a Talvix account.',
    'Open your Talvix dashboard → Settings → WhatsApp to link it.',
  ].join('\n');
}

export function renderSlowDown(commandsPerHour: number): string {
  return `You’ve sent a lot of commands. Limit: ${commandsPerHour} an hour.\nPlease try again a little later.`;
}

export function renderUpgradeNeeded(): string {
  return 'This command is part of the paid plans.\nUpgrade from your Talvix dashboard to use it.';
}

export type StatusView = {
  plan: string;
  /** applications left this week; null when the plan is unlimited */
  quotaLeft: number | null;
  applicationsThisWeek: number;
  dashboardReady: boolean;
  autoApplyPaused: boolean;
};

export function renderStatus(status: StatusView): string {
  return [
    '*Your Talvix status*',
    `Plan: ${status.plan}`,
    `Applies left this week: ${status.quotaLeft ?? 'unlimited'}`,
    `Applied this week: ${status.applicationsThisWeek}`,
    `Auto-apply: ${status.autoApplyPaused ? 'paused' : 'on'}`,
    `Dashboard: ${status.dashboardReady ? 'ready' : 'still being prepared'}`,
  ].join('\n');
}

export type JobLine = { title: string; company: string; fitScore: number };

const MAX_TITLE_CHARS = 32;
const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Today's top matches, numbered as `apply <n>` / `skip <n>` / `score <n>` refer to them. */
export function renderJobs(jobs: readonly JobLine[]): string {
  if (jobs.length === 0) {
    return 'No new matches today.\nFresh jobs are scored every evening – check again tomorrow.';
  }
  const lines = jobs
    .slice(0, MAX_JOB_INDEX)
    .map((job, i) => `${i + 1}. ${shorten(job.title, MAX_TITLE_CHARS)} – ${shorten(job.company, 20)} (${Math.round(job.fitScore)})`);
  return ['*Today’s top matches*', ...lines, 'Reply *apply 1*, *skip 1* or *score 1*.'].join('\n');
}
