import type { ParsedCommand } from '../command.ts';
import { renderQuotaUsed, renderUpgradeNeeded } from '../replies.ts';
import type { WaUser } from '../wa-user.ts';
import type { Rejection } from './gate-result.ts';

/**
 * Commands that change something and are hard to undo by accident ask "reply YES" first.
 * approve_all is here too although the issue lists apply/pause/resume/stop: it can send
 * many applications at once, more than one `apply`. skip and start are cheap to undo.
 */
const CONFIRMED = new Set<ParsedCommand['kind']>(['apply', 'approve_all', 'pause', 'resume', 'stop']);
/** Always allowed: the menu, and answers to a question the bot asked. */
const ALWAYS = new Set<ParsedCommand['kind']>(['help', 'yes', 'no']);
/** Commands that spend the weekly apply quota. */
const SPENDS_QUOTA = new Set<ParsedCommand['kind']>(['apply', 'approve_all']);

export type AuthorityResult = { ok: true; confirm: boolean } | Rejection<'not_in_plan' | 'quota_used'>;

/**
 * Gate 3: the user's plan (plans.wa_commands, the plan in force) allows the command, their state
 * allows it now (apply quota left), and whether it must be confirmed first (unless the user
 * turned confirmations off). Pure: the user row was read by gate 1.
 */
export function authorityGate(user: WaUser, command: ParsedCommand): AuthorityResult {
  if (ALWAYS.has(command.kind)) return { ok: true, confirm: false };
  if (!user.wa_commands.includes(command.kind)) {
    return { ok: false, reason: 'not_in_plan', reply: { body: renderUpgradeNeeded() } };
  }
  if (SPENDS_QUOTA.has(command.kind) && user.applies_this_week >= user.weekly_apply_quota) {
    return { ok: false, reason: 'quota_used', reply: { body: renderQuotaUsed(user.weekly_apply_quota) } };
  }
  return { ok: true, confirm: user.wa_confirmations && CONFIRMED.has(command.kind) };
}
