import type { WAMessage } from '@whiskeysockets/baileys';
import type { Hop } from '#shared/agents/agent-implementation.ts';
import { recordHops } from '#shared/agents/record-hops.ts';
import type { RunEngine } from '#shared/agents/run-engine.ts';
import type { ServerContext } from '#shared/context.ts';
import type { Tx } from '#shared/db/create-sql.ts';
import type { ParsedCommand } from './command.ts';
import { type ActionCommand, confirmPrompt, resolveAction, runAction } from './commands/action.ts';
import type { CommandContext, CommandResult } from './commands/command-result.ts';
import { askConfirmation, CONFIRM_MINUTES, takeConfirmation } from './confirmations.ts';
import { authorityGate } from './gates/authority-gate.ts';
import { freshnessGate } from './gates/freshness-gate.ts';
import type { Reply } from './gates/gate-result.ts';
import { identityGate } from './gates/identity-gate.ts';
import { enqueueWaMessage } from './outbox.ts';
import { parseCommand } from './parse-command.ts';
import { renderCancelled, renderNothingToConfirm } from './replies.ts';
import { runCommand } from './run-command.ts';
import { type InboundMessage, type InboundOptions, toInboundMessage } from './to-inbound-message.ts';

export type IncomingDeps = {
  ctx: Pick<ServerContext, 'sql' | 'log' | 'config'>;
  engine: Pick<RunEngine, 'fireQueued'>;
  /** a reply was queued: wake the outbound sender instead of waiting for its next poll */
  onReplyQueued?: () => void;
};

/** What happened to one message: 'ignored:group', 'rejected:stale', 'executed:jobs', 'asked:apply', ... */
export type Outcome = `${'ignored' | 'rejected' | 'executed' | 'asked' | 'answered'}:${string}`;

const ACTION_KINDS = new Set<ParsedCommand['kind']>(['apply', 'approve_all', 'pause', 'resume', 'stop']);
const isAction = (command: ParsedCommand): command is ActionCommand => ACTION_KINDS.has(command.kind);

/**
 * The inbound pipeline, transport-independent: one Baileys message (as `messages.upsert`
 * delivers it) → stored → gate 1 (identity) → gate 2 (freshness) → gate 3 (authority) → the
 * command, its reply queued as an outbound row. All of it is one transaction, so a crash
 * half-way leaves no half-run command, and agent runs it starts are recorded inside it (outbox)
 * and nudged after commit. `source` carries what only the socket knows (own ids, LID lookup).
 */
export async function handleIncoming(deps: IncomingDeps, message: WAMessage, source: InboundOptions = {}): Promise<Outcome> {
  const inbound = await toInboundMessage(message, source);
  if ('ignored' in inbound) return `ignored:${inbound.ignored}`;
  const { sql, config } = deps.ctx;
  const now = new Date();
  const command = parseCommand(inbound.text);

  const result = await sql.begin(async (tx) => {
    const rowId = await storeInbound(tx, inbound);
    const step = await decide(tx, inbound, command, rowId === null, now, config.WA_RATE_LIMIT_PER_HOUR);
    if (step.reply) {
      await enqueueWaMessage(tx, {
        phoneE164: inbound.phoneE164,
        body: step.reply.body,
        kind: 'reply',
        userId: step.userId,
        dedupeKey: step.reply.dedupeKey ?? `reply:${inbound.messageId}`,
      });
    }
    // a duplicate leaves the first delivery's row as it was
    if (rowId !== null) {
      await tx`
        UPDATE wa_messages SET user_id = ${step.userId}, outcome = ${step.outcome},
               status = ${step.outcome.startsWith('rejected:') ? 'ignored' : 'processed'}
         WHERE id = ${rowId}`;
    }
    return { ...step, queued: await recordHops(tx, step.hops, null, null) };
  });

  deps.engine.fireQueued(result.queued);
  if (result.reply) deps.onReplyQueued?.();
  deps.ctx.log.info(
    { user_id: result.userId, wa_message_id: inbound.messageId, outcome: result.outcome, hops: result.hops.length },
    'whatsapp message handled',
  );
  return result.outcome;
}

type Step = { outcome: Outcome; userId: string | null; reply?: Reply; hops: Hop[] };

/** Every inbound text from a person is kept; null when this message id is already stored. */
async function storeInbound(tx: Tx, inbound: InboundMessage): Promise<string | null> {
  const [row] = await tx<{ id: string }[]>`
    INSERT INTO wa_messages (direction, message_id, phone_e164, body, status, wa_timestamp)
    VALUES ('in', ${inbound.messageId}, ${inbound.phoneE164}, ${inbound.text}, 'received', ${inbound.timestamp})
    ON CONFLICT (direction, message_id) DO NOTHING
    RETURNING id`;
  return row?.id ?? null;
}

async function decide(
  tx: Tx,
  inbound: InboundMessage,
  command: ParsedCommand,
  duplicate: boolean,
  now: Date,
  limitPerHour: number,
): Promise<Step> {
  const identity = await identityGate(tx, inbound, now);
  if (!identity.ok) return { outcome: `rejected:${identity.reason}`, userId: null, reply: identity.reply, hops: [] };
  const { user } = identity;
  const userId = user.id;

  const freshness = await freshnessGate(tx, {
    duplicate,
    sentAt: inbound.timestamp,
    now,
    userId,
    countsAsCommand: command.kind !== 'help' && command.kind !== 'yes' && command.kind !== 'no',
    limitPerHour,
  });
  if (!freshness.ok) return { outcome: `rejected:${freshness.reason}`, userId, reply: freshness.reply, hops: [] };

  const authority = authorityGate(user, command);
  if (!authority.ok) return { outcome: `rejected:${authority.reason}`, userId, reply: authority.reply, hops: [] };

  const context: CommandContext = { tx, user, ref: `wa:${safeRef(inbound.messageId)}` };
  const done = (outcome: Outcome, result: CommandResult): Step => ({ outcome, userId, reply: { body: result.reply }, hops: result.hops });

  if (command.kind === 'yes' || command.kind === 'no') {
    const pending = await takeConfirmation(tx, userId);
    if (pending === undefined) return done('answered:nothing_pending', { reply: renderNothingToConfirm(), hops: [] });
    if (command.kind === 'no') return done(`answered:cancelled_${pending.kind}`, { reply: renderCancelled(), hops: [] });
    // the plan or quota may have changed in the minutes since the question
    const recheck = authorityGate(user, pending.kind === 'apply' ? { kind: 'apply', n: pending.n } : pending);
    if (!recheck.ok) return { outcome: `rejected:${recheck.reason}`, userId, reply: recheck.reply, hops: [] };
    return done(`executed:${pending.kind}`, await runAction(context, pending));
  }

  if (isAction(command)) {
    const resolved = await resolveAction(context, command);
    if ('reply' in resolved) return done(`executed:${command.kind}_unresolved`, { reply: resolved.reply, hops: [] });
    if (authority.confirm) {
      await askConfirmation(tx, userId, resolved.action);
      return done(`asked:${command.kind}`, { reply: confirmPrompt(resolved.action, CONFIRM_MINUTES), hops: [] });
    }
    return done(`executed:${command.kind}`, await runAction(context, resolved.action));
  }
  return done(`executed:${command.kind}`, await runCommand(context, command));
}

/** Agent-run reasons allow [A-Za-z0-9:_.-]; WhatsApp ids are hex in practice, but are not ours. */
function safeRef(messageId: string): string {
  return messageId.replace(/[^A-Za-z0-9:_.-]/g, '_').slice(0, 100);
}
