/**
 * The WhatsApp command language as data: what `parseCommand` returns and what
 * the gates and routers switch on. A discriminated union on `kind` so a router
 * that forgets a command fails `tsc` (exhaustive switch), and numbered commands
 * carry a job index that is already range-checked.
 */

/** `jobs` lists today's top matches; numbered commands refer to that list. */
export const MAX_JOB_INDEX = 5;
export type JobIndex = 1 | 2 | 3 | 4 | 5;

export type NumberedVerb = 'apply' | 'skip' | 'score';

export type HelpReason =
  /** the user asked for help (help, menu, hi, madad, ...) */
  | 'asked'
  /** nothing left after stripping spaces, punctuation and emoji */
  | 'empty'
  /** text we could not read as exactly one command */
  | 'unknown';

export type HelpCommand =
  | { kind: 'help'; reason: HelpReason }
  /** `apply` without a number, or `apply 9` — the reply explains the 1..5 list */
  | { kind: 'help'; reason: 'number_missing' | 'number_out_of_range'; command: NumberedVerb };

export type ParsedCommand =
  | HelpCommand
  | { kind: 'status' }
  | { kind: 'jobs' }
  | { kind: 'apply'; n: JobIndex }
  | { kind: 'skip'; n: JobIndex }
  | { kind: 'approve_all' }
  /** auto-apply off / on */
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'coach' }
  | { kind: 'score'; n: JobIndex }
  /** WhatsApp alerts off / on */
  | { kind: 'stop' }
  | { kind: 'start' }
  /** answers to a pending confirmation ("reply YES within 5 minutes") */
  | { kind: 'yes' }
  | { kind: 'no' };

export type CommandKind = ParsedCommand['kind'];

export function isJobIndex(n: number): n is JobIndex {
  return Number.isInteger(n) && n >= 1 && n <= MAX_JOB_INDEX;
}
