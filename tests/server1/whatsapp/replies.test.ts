import { describe, expect, test } from 'bun:test';
import { parseCommand } from '../../../server1/whatsapp/parse-command.ts';
import {
  renderCancelled,
  renderConfirmPrompt,
  renderHelp,
  renderHelpFor,
  renderJobs,
  renderNothingToConfirm,
  renderSlowDown,
  renderStatus,
  renderUnknownSender,
  renderUpgradeNeeded,
  type ChangingCommand,
} from '../../../server1/whatsapp/replies.ts';

/** One phone screen: at most 12 lines, none so long it wraps into a paragraph. */
function expectPhoneSized(reply: string): void {
  const lines = reply.split('\n');
  expect(lines.length).toBeLessThanOrEqual(12);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  expect(reply.trim()).not.toBe('');
}

const CHANGING: ChangingCommand[] = [
  { kind: 'apply', n: 2 },
  { kind: 'skip', n: 5 },
  { kind: 'approve_all' },
  { kind: 'pause' },
  { kind: 'resume' },
  { kind: 'stop' },
  { kind: 'start' },
];

describe('replies', () => {
  test('the help menu lists every command and fits a phone screen', () => {
    const help = renderHelp();
    expectPhoneSized(help);
    for (const word of ['jobs', 'apply', 'skip', 'score', 'approve all', 'status', 'coach', 'pause', 'resume', 'stop', 'start']) {
      expect(help).toContain(word);
    }
  });

  test('help replies for every help reason fit a phone screen', () => {
    for (const input of ['help', '', 'gibberish words here', 'apply', 'apply 9', 'why', 'skip 0']) {
      const parsed = parseCommand(input);
      if (parsed.kind !== 'help') throw new Error(`expected help for ${input}`);
      expectPhoneSized(renderHelpFor(parsed));
    }
  });

  test('a bad job number gets a one-line fix, not the whole menu', () => {
    const reply = renderHelpFor({ kind: 'help', reason: 'number_out_of_range', command: 'apply' });
    expect(reply).toContain('1–5');
    expect(reply).toContain('*apply 2*');
    expect(reply).not.toContain('Talvix commands');
  });

  test('confirmation prompts name the change and the time window', () => {
    for (const command of CHANGING) {
      const prompt = renderConfirmPrompt(command, 5);
      expectPhoneSized(prompt);
      expect(prompt).toContain('YES');
      expect(prompt).toContain('5 minutes');
    }
    expect(renderConfirmPrompt({ kind: 'apply', n: 3 }, 5)).toStartWith('Apply to job 3?');
  });

  test('status and jobs render their data', () => {
    const status = renderStatus({ plan: 'Pro', quotaLeft: null, applicationsThisWeek: 4, dashboardReady: true, autoApplyPaused: true });
    expectPhoneSized(status);
    expect(status).toContain('unlimited');
    expect(status).toContain('paused');

    const jobs = renderJobs(
      Array.from({ length: 7 }, (_, i) => ({
        title: `Senior Backend Engineer, Payments Platform and Risk ${i}`,
        company: 'A Very Long Company Name Private Limited',
        fitScore: 91.6 - i,
      })),
    );
    expectPhoneSized(jobs);
    expect(jobs).toContain('1. ');
    expect(jobs).toContain('5. ');
    expect(jobs).not.toContain('6. ');
    expect(jobs).toContain('(92)');
    expectPhoneSized(renderJobs([]));
  });

  test('the remaining fixed replies fit a phone screen', () => {
    for (const reply of [
      renderCancelled(),
      renderNothingToConfirm(),
      renderUnknownSender(),
      renderSlowDown(20),
      renderUpgradeNeeded(),
    ]) {
      expectPhoneSized(reply);
    }
  });
});
