import { hop } from '#shared/agents/agent-implementation.ts';
import { renderApprovedAll } from '../replies.ts';
import type { CommandContext, CommandResult } from './command-result.ts';

/** `approve all`: every application waiting in the review queue is approved and handed to Agent 12. */
export async function approveAll({ tx, user, ref }: CommandContext): Promise<CommandResult> {
  const approved = await tx<{ id: string; job_id: string | null }[]>`
    UPDATE job_applications SET auto_status = 'approved', updated_at = now()
     WHERE user_id = ${user.id} AND auto_status = 'queued'
    RETURNING id, job_id`;
  const ids = approved.map((a) => Number(a.id));
  if (ids.length > 0) {
    await tx`
      INSERT INTO signals (user_id, kind, job_id, application_id, data)
      SELECT user_id, 'approved', job_id, id, ${tx.json({ channel: 'whatsapp', bulk: true })}
        FROM job_applications WHERE id = ANY (${ids}::bigint[])`;
  }
  return {
    reply: renderApprovedAll(ids.length),
    hops: ids.map((id) => hop('apply', { scope: 'application', application_id: id, reason: ref })),
  };
}
