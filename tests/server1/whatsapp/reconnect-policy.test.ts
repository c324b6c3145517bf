import { expect, test } from 'bun:test';
import { DisconnectReason } from '@whiskeysockets/baileys';
import { afterDisconnect, disconnectStatus } from '../../../server1/whatsapp/reconnect-policy.ts';

const backoff = { baseMs: 1_000, maxMs: 60_000 };
const max = () => 1;

test('every disconnect reason but logged out reconnects, with growing capped backoff', () => {
  expect(afterDisconnect(DisconnectReason.loggedOut, 1, backoff)).toEqual({ action: 'logged_out' });
  expect(afterDisconnect(DisconnectReason.restartRequired, 4, backoff)).toEqual({ action: 'reconnect', delayMs: 0 });
  for (const code of [DisconnectReason.timedOut, DisconnectReason.connectionClosed, DisconnectReason.connectionReplaced, DisconnectReason.badSession, 503, undefined]) {
    expect(afterDisconnect(code, 1, backoff, max)).toEqual({ action: 'reconnect', delayMs: 1_000 });
  }
  expect(afterDisconnect(408, 3, backoff, max)).toEqual({ action: 'reconnect', delayMs: 4_000 });
  expect(afterDisconnect(408, 30, backoff, max)).toEqual({ action: 'reconnect', delayMs: 60_000 });
});

test('the status code is read from the Boom error Baileys closes with', () => {
  expect(disconnectStatus(Object.assign(new Error('x'), { output: { statusCode: 401 } }))).toBe(401);
  expect(disconnectStatus(new Error('plain'))).toBeUndefined();
  expect(disconnectStatus(undefined)).toBeUndefined();
});
