import type { Hop } from '#shared/agents/agent-implementation.ts';
import type { Tx } from '#shared/db/create-sql.ts';
import type { WaUser } from '../wa-user.ts';

/** What a command runs with: the pipeline's transaction, the verified user, and a unique reference. */
export type CommandContext = {
  tx: Tx;
  user: WaUser;
  /** `wa:<message id>`: the reason on agent runs it starts, so a retry cannot start them twice */
  ref: string;
};

/** The reply, and the agent runs to start once the pipeline's transaction commits. */
export type CommandResult = { reply: string; hops: Hop[] };

export const replyOnly = (reply: string): CommandResult => ({ reply, hops: [] });
