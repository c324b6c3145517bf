import { DisconnectReason } from '@whiskeysockets/baileys';
import { retryDelayMs } from '#shared/agents/retry-delay.ts';

export type AfterDisconnect = { action: 'reconnect'; delayMs: number } | { action: 'logged_out' };

export type ReconnectBackoff = { baseMs: number; maxMs: number };

/**
 * What to do when the socket closes. Logged out (401: the phone unlinked us, or WhatsApp did) is
 * final — reconnecting would only fail again. Everything else reconnects with backoff, including
 * 408: under Bun a refused WebSocket upgrade surfaces only as a connect timeout (408), which is
 * exactly the outage that must be retried. 515 ("restart required") is WhatsApp's normal request
 * right after pairing, so it reconnects at once.
 */
export function afterDisconnect(statusCode: number | undefined, attempt: number, backoff: ReconnectBackoff, random = Math.random): AfterDisconnect {
  if (statusCode === DisconnectReason.loggedOut) return { action: 'logged_out' };
  if (statusCode === DisconnectReason.restartRequired) return { action: 'reconnect', delayMs: 0 };
  return { action: 'reconnect', delayMs: retryDelayMs(attempt, backoff.baseMs, backoff.maxMs, random) };
}

/** Baileys closes with a Boom error whose output carries the status code. */
export function disconnectStatus(error: Error | undefined): number | undefined {
  const code = (error as { output?: { statusCode?: unknown } } | undefined)?.output?.statusCode;
  return typeof code === 'number' ? code : undefined;
}
