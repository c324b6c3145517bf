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

/** `detail` names what the YES acts on (the job), so the user confirms the job, not just a number. */
export function renderConfirmPrompt(command: ChangingCommand, validMinutes: number, detail?: string): string {
  return [`${describeChange(command)}?`, ...(detail === undefined ? [] : [detail]), `Reply *YES* within ${validMinutes} minutes, or *NO* to cancel.`].join('\n');
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
  const lines = jobs.slice(0, MAX_JOB_INDEX).map((job, i) => `${i + 1}. ${renderJobLine(job)}`);
  return ['*Today’s top matches*', ...lines, 'Reply *apply 1*, *skip 1* or *score 1*.'].join('\n');
}

/** One job as a single line: "Frontend Engineer – Acme (82)". */
export function renderJobLine(job: JobLine): string {
  return `${shorten(job.title, MAX_TITLE_CHARS)} – ${shorten(job.company, 20)} (${Math.round(job.fitScore)})`;
}

/** `apply 2` before any list was shown: numbers refer to the last *jobs* list. */
export function renderNeedJobList(): string {
  return 'Send *jobs* first.\nThen *apply 1* means job 1 on that list.';
}

export function renderNoSuchJob(n: number): string {
  return `There is no job ${n} on your last list.\nSend *jobs* to see it again.`;
}

export function renderQuotaUsed(weeklyQuota: number): string {
  return `You’ve used all ${weeklyQuota} applies for this week.\nThe quota resets on Monday.`;
}

export function renderApplying(job: JobLine): string {
  return `Applying to ${renderJobLine(job)}.\nI’ll message you when it’s done.`;
}

export function renderAlreadyApplying(job: JobLine): string {
  return `${renderJobLine(job)} is already applied to or on its way.\nSend *status* for your week.`;
}

export function renderSkipped(job: JobLine): string {
  return `Skipped ${renderJobLine(job)}.\nIt won’t be suggested again.`;
}

export function renderApprovedAll(count: number): string {
  if (count === 0) return 'Nothing is waiting for your approval.';
  return `Approved ${count} queued application${count === 1 ? '' : 's'}.\nI’ll message you as they go out.`;
}

export function renderAutoApply(on: boolean): string {
  return on ? 'Auto-apply is on again.\nSend *pause* to stop it.' : 'Auto-apply paused.\nSend *resume* to turn it back on.';
}

export function renderAlerts(on: boolean): string {
  return on
    ? 'WhatsApp alerts are on again.'
    : 'WhatsApp alerts stopped. I’ll still answer your commands.\nSend *start* to get alerts again.';
}

const MAX_COACH_CHARS = 600;

/** Today's coaching message as the coach wrote it, cut to one screen. */
export function renderCoach(message: { title: string; body: string } | undefined): string {
  if (message === undefined) return 'No coaching tip yet.\nYour daily tip arrives at 7 AM.';
  return `*${message.title}*\n${shorten(message.body, MAX_COACH_CHARS)}`;
}

export type ScoreView = { n: number; job: JobLine; summary: string; missingSkills: readonly string[] };

export function renderScore(view: ScoreView): string {
  const missing = view.missingSkills.slice(0, 4);
  return [
    `*Job ${view.n}: ${shorten(view.job.title, MAX_TITLE_CHARS)}* – ${shorten(view.job.company, 20)}`,
    `Fit score: ${Math.round(view.job.fitScore)}/100`,
    shorten(view.summary, 300),
    ...(missing.length > 0 ? [`To learn: ${missing.join(', ')}`] : []),
  ].join('\n');
}

export function renderPhoneLinked(): string {
  return 'Your number is linked to Talvix.\nSend *help* to see what I can do.';
}

export function renderVerificationCode(code: string, validMinutes: number): string {
  return `Your Talvix code is ${code}.\nIt expires in ${validMinutes} minutes. Never share it.`;
}
