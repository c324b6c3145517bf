import { renderAlerts, renderAutoApply } from '../replies.ts';
import { type CommandContext, type CommandResult, replyOnly } from './command-result.ts';

/** `pause` / `resume`: Agent 12 reads users.auto_apply_enabled before queueing anything. */
export async function setAutoApply({ tx, user }: CommandContext, on: boolean): Promise<CommandResult> {
  await tx`UPDATE users SET auto_apply_enabled = ${on}, updated_at = now() WHERE id = ${user.id}`;
  return replyOnly(renderAutoApply(on));
}

/** `stop` / `start`: the outbound sender drops alerts (not replies) while wa_alerts_enabled is off. */
export async function setAlerts({ tx, user }: CommandContext, on: boolean): Promise<CommandResult> {
  await tx`UPDATE users SET wa_alerts_enabled = ${on}, updated_at = now() WHERE id = ${user.id}`;
  return replyOnly(renderAlerts(on));
}
