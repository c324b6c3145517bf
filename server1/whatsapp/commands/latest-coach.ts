import { renderCoach } from '../replies.ts';
import { type CommandContext, type CommandResult, replyOnly } from './command-result.ts';

/** `coach`: the newest coaching notification the daily coach (Server 2) wrote for this user. */
export async function latestCoach({ tx, user }: CommandContext): Promise<CommandResult> {
  const [message] = await tx<{ title: string; body: string }[]>`
    SELECT title, body FROM notifications WHERE user_id = ${user.id} AND kind = 'coach' ORDER BY id DESC LIMIT 1`;
  return replyOnly(renderCoach(message));
}
