import { afterAll, beforeAll, expect, test } from 'bun:test';
import { proto } from '@whiskeysockets/baileys';
import { usePostgresAuthState } from '../../../server1/whatsapp/postgres-auth-state.ts';
import { createWaFixture, type WaFixture } from './wa-fixture.ts';

let f: WaFixture;
beforeAll(async () => {
  f = await createWaFixture();
});
afterAll(() => f.close());

test('creds and signal keys survive a restart byte for byte; null deletes a key', async () => {
  const first = await usePostgresAuthState(f.sql);
  first.state.creds.registered = true;
  await first.saveCreds();
  const session = new Uint8Array([1, 2, 3, 250]);
  await first.state.keys.set({
    session: { '91987@s.whatsapp.net.0': session },
    'pre-key': { '7': { public: Buffer.from('pub'), private: Buffer.from('priv') } },
    'app-state-sync-key': { AAAA: { keyData: Buffer.from('k'), timestamp: 5 } },
  });

  const second = await usePostgresAuthState(f.sql);
  expect(second.state.creds.registered).toBe(true);
  expect(Buffer.from(second.state.creds.noiseKey.private)).toEqual(Buffer.from(first.state.creds.noiseKey.private));
  const sessions = await second.state.keys.get('session', ['91987@s.whatsapp.net.0', 'missing']);
  expect(Object.keys(sessions)).toEqual(['91987@s.whatsapp.net.0']);
  expect(Buffer.from(sessions['91987@s.whatsapp.net.0']!)).toEqual(Buffer.from(session));
  const preKeys = await second.state.keys.get('pre-key', ['7']);
  expect(Buffer.from(preKeys['7']!.private).toString()).toBe('priv');
  const syncKeys = await second.state.keys.get('app-state-sync-key', ['AAAA']);
  expect(syncKeys.AAAA).toBeInstanceOf(proto.Message.AppStateSyncKeyData);

  await second.state.keys.set({ session: { '91987@s.whatsapp.net.0': null } });
  expect(await second.state.keys.get('session', ['91987@s.whatsapp.net.0'])).toEqual({});
});
