import { describe, expect, test } from 'bun:test';
import type { ParsedCommand } from '../../../server1/whatsapp/command.ts';
import { parseCommand } from '../../../server1/whatsapp/parse-command.ts';

const help = (reason: 'asked' | 'empty' | 'unknown'): ParsedCommand => ({ kind: 'help', reason });
const missing = (command: 'apply' | 'skip' | 'score'): ParsedCommand => ({ kind: 'help', reason: 'number_missing', command });
const outOfRange = (command: 'apply' | 'skip' | 'score'): ParsedCommand => ({
  kind: 'help',
  reason: 'number_out_of_range',
  command,
});

const TABLE: [input: string, expected: ParsedCommand][] = [
  // the plain language
  ['help', help('asked')],
  ['status', { kind: 'status' }],
  ['jobs', { kind: 'jobs' }],
  ['apply 2', { kind: 'apply', n: 2 }],
  ['skip 5', { kind: 'skip', n: 5 }],
  ['approve all', { kind: 'approve_all' }],
  ['pause', { kind: 'pause' }],
  ['resume', { kind: 'resume' }],
  ['coach', { kind: 'coach' }],
  ['score 1', { kind: 'score', n: 1 }],
  ['stop', { kind: 'stop' }],
  ['start', { kind: 'start' }],
  ['yes', { kind: 'yes' }],
  ['no', { kind: 'no' }],
  // case, spacing, punctuation, emoji
  ['HELP', help('asked')],
  ['  Status  ', { kind: 'status' }],
  ['Apply   3', { kind: 'apply', n: 3 }],
  ['\tjobs\n', { kind: 'jobs' }],
  ['jobs!!!', { kind: 'jobs' }],
  ['status?', { kind: 'status' }],
  ['🙏 jobs please 🙏', { kind: 'jobs' }],
  ['YES!', { kind: 'yes' }],
  ['Approve All.', { kind: 'approve_all' }],
  ['apply2', { kind: 'apply', n: 2 }],
  ['apply-2', { kind: 'apply', n: 2 }],
  ['ＡＰＰＬＹ　２', { kind: 'apply', n: 2 }],
  // typos: one edit on words of 4+ letters (two on 7+)
  ['stauts', { kind: 'status' }],
  ['jbos', { kind: 'jobs' }],
  ['aproove all', { kind: 'approve_all' }],
  ['aprove all', { kind: 'approve_all' }],
  ['hlep', help('asked')],
  ['pasue', { kind: 'pause' }],
  ['resmue', { kind: 'resume' }],
  ['coahc', { kind: 'coach' }],
  ['aply 4', { kind: 'apply', n: 4 }],
  ['skpi 1', { kind: 'skip', n: 1 }],
  ['yesss', { kind: 'yes' }],
  ['helppp', help('asked')],
  ['stap', help('unknown')], // stop or start? ambiguous, so no guess
  ['stp', help('unknown')], // 3 letters: exact only
  // numbers: #, no., words, ordinals, Devanagari digits
  ['apply #2', { kind: 'apply', n: 2 }],
  ['apply no. 2', { kind: 'apply', n: 2 }],
  ['apply no 3', { kind: 'apply', n: 3 }],
  ['apply job 2', { kind: 'apply', n: 2 }],
  ['apply to the 2nd job', { kind: 'apply', n: 2 }],
  ['apply two', { kind: 'apply', n: 2 }],
  ['score five', { kind: 'score', n: 5 }],
  ['skip third', { kind: 'skip', n: 3 }],
  ['apply ०३', { kind: 'apply', n: 3 }],
  ['apply 02', { kind: 'apply', n: 2 }],
  ['2 apply karo', { kind: 'apply', n: 2 }],
  // numbers out of range or missing
  ['apply 0', outOfRange('apply')],
  ['apply 6', outOfRange('apply')],
  ['skip 10', outOfRange('skip')],
  ['score -1', outOfRange('score')],
  ['apply 2.5', outOfRange('apply')],
  ['apply six', outOfRange('apply')],
  ['apply 99999999999999999999', outOfRange('apply')],
  ['apply', missing('apply')],
  ['skip', missing('skip')],
  ['why', missing('score')],
  ['apply 1 2', help('unknown')],
  // Hindi / Hinglish, romanised and Devanagari
  ['madad', help('asked')],
  ['मदद', help('asked')],
  ['namaste', help('asked')],
  ['naukri', { kind: 'jobs' }],
  ['naukriyan dikhao', { kind: 'jobs' }],
  ['mujhe aaj ki naukriyan dikhao na', { kind: 'jobs' }],
  ['नौकरियां दिखाओ', { kind: 'jobs' }],
  ['status batao', { kind: 'status' }],
  ['ruko', { kind: 'pause' }],
  ['roko', { kind: 'pause' }],
  ['रुको', { kind: 'pause' }],
  ['shuru', { kind: 'resume' }],
  ['shuru karo', { kind: 'resume' }],
  ['auto apply shuru karo', { kind: 'resume' }],
  ['alerts shuru karo', { kind: 'start' }],
  ['alerts band karo', { kind: 'stop' }],
  ['band karo', { kind: 'stop' }],
  ['auto apply band', { kind: 'pause' }],
  ['apply do', { kind: 'apply', n: 2 }],
  ['apply kar do', missing('apply')],
  ['apply ek', { kind: 'apply', n: 1 }],
  ['sab approve karo', { kind: 'approve_all' }],
  ['aaj ki tip', { kind: 'coach' }],
  ['salah', { kind: 'coach' }],
  ['haan', { kind: 'yes' }],
  ['ha', { kind: 'yes' }],
  ['haan ji', { kind: 'yes' }],
  ['हाँ', { kind: 'yes' }],
  ['हां', { kind: 'yes' }],
  ['nahi', { kind: 'no' }],
  ['नहीं', { kind: 'no' }],
  ['na', { kind: 'no' }],
  ['kyun 3', { kind: 'score', n: 3 }],
  ['chhodo 4', { kind: 'skip', n: 4 }],
  // topics re-aim the toggles
  ['stop alerts', { kind: 'stop' }],
  ['pause alerts', { kind: 'stop' }],
  ['stop auto apply', { kind: 'pause' }],
  ['start auto-apply', { kind: 'resume' }],
  ['alerts on', { kind: 'start' }],
  ['alerts off', { kind: 'stop' }],
  ['resume applying', { kind: 'resume' }],
  // politeness and confirmations
  ['please show my status', { kind: 'status' }],
  ['ok jobs', { kind: 'jobs' }],
  ['ok', { kind: 'yes' }],
  ['👍', { kind: 'yes' }],
  ['👎🏽', { kind: 'no' }],
  ['yes please', { kind: 'yes' }],
  ['no thanks', { kind: 'no' }],
  ['cancel', { kind: 'no' }],
  ['yes no', help('unknown')],
  ['top 5 jobs', { kind: 'jobs' }],
  // negations and mixed commands are never guessed
  ['pause mat karo', help('unknown')],
  ["don't stop", help('unknown')],
  ['no apply 2', help('unknown')],
  ['pause resume', help('unknown')],
  ['apply all', help('unknown')],
  ['stop 2', help('unknown')],
  ['status alerts', help('unknown')],
  ['jobs aur status', help('unknown')],
  // nothing / noise / chat
  ['', help('empty')],
  ['   ', help('empty')],
  ['🙂🙂🙂', help('empty')],
  ['?!', help('empty')],
  ['3', help('unknown')],
  ['alerts', help('unknown')],
  ['please', help('unknown')],
  ['what is the weather in Pune', help('unknown')],
  ['I got the job, thank you so much for everything', help('unknown')],
  ['apply '.repeat(80), help('unknown')],
  ['x'.repeat(5000), help('unknown')],
];

describe('parseCommand', () => {
  test('the table has at least 60 rows', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });

  test.each(TABLE)('%p', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });
});
