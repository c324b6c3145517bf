import { Type as T, type Static } from '@sinclair/typebox';
import type { Sql } from '#shared/db/create-sql.ts';

export const WaStatus = T.Object({
  state: T.Union([T.Literal('down'), T.Literal('connecting'), T.Literal('pairing'), T.Literal('up'), T.Literal('logged_out')], {
    description: 'as last reported by the instance holding the socket',
  }),
  holder: T.Union([T.String(), T.Null()], { description: 'instance id of the socket holder' }),
  state_updated_at: T.Date(),
  connected_at: T.Union([T.Date(), T.Null()]),
  last_error: T.Union([T.String(), T.Null()]),
  last_error_at: T.Union([T.Date(), T.Null()]),
  queue: T.Object({
    pending: T.Integer({ description: 'outbound messages waiting to be sent' }),
    oldest_pending_at: T.Union([T.Date(), T.Null()]),
    retrying: T.Integer({ description: 'pending messages that failed at least once' }),
    failed_24h: T.Integer({ description: 'outbound messages that failed for good in the last 24 hours' }),
    last_send_error: T.Union([T.String(), T.Null()]),
  }),
});
export type WaStatus = Static<typeof WaStatus>;

/** The operator's view of the WhatsApp channel, from the database (any instance can answer). */
export async function readWaStatus(sql: Sql): Promise<WaStatus> {
  const [row] = await sql<WaStatus[]>`
    SELECT c.state, c.holder, c.updated_at AS state_updated_at, c.connected_at, c.last_error, c.last_error_at,
           json_build_object(
             'pending', q.pending, 'oldest_pending_at', q.oldest_pending_at, 'retrying', q.retrying,
             'failed_24h', q.failed_24h, 'last_send_error', q.last_send_error) AS queue
      FROM wa_channel_state c,
           LATERAL (
             SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                    min(created_at) FILTER (WHERE status = 'pending') AS oldest_pending_at,
                    count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying,
                    count(*) FILTER (WHERE status = 'failed' AND created_at > now() - interval '1 day')::int AS failed_24h,
                    (SELECT last_error FROM wa_messages
                      WHERE direction = 'out' AND last_error IS NOT NULL AND status IN ('pending', 'failed')
                      ORDER BY id DESC LIMIT 1) AS last_send_error
               FROM wa_messages WHERE direction = 'out' AND status IN ('pending', 'failed')) q`;
  if (!row) throw new Error('wa_channel_state has no row (migration 00003 not applied?)');
  // json_build_object turns the timestamp into a string
  const oldest = row.queue.oldest_pending_at as Date | string | null;
  return { ...row, queue: { ...row.queue, oldest_pending_at: oldest === null ? null : new Date(oldest) } };
}
