import {
  BufferJSON,
  initAuthCreds,
  proto,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataTypeMap,
} from '@whiskeysockets/baileys';
import type { Sql } from '#shared/db/create-sql.ts';

/**
 * Baileys' `useMultiFileAuthState`, with a table instead of a folder: creds under the key
 * 'creds', every Signal key under '<type>:<id>', each value JSON with Buffers encoded by
 * BufferJSON. In Postgres so a restart, a redeploy or another machine keeps the pairing; only the
 * advisory-lock holder uses it, so there is one writer at a time.
 */
export async function usePostgresAuthState(sql: Sql): Promise<{ state: AuthenticationState; saveCreds: () => Promise<void> }> {
  const creds = (await readValue<AuthenticationCreds>(sql, CREDS_KEY)) ?? initAuthCreds();
  return {
    state: {
      creds,
      keys: {
        async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
          const rows = await sql<{ key: string; value: string }[]>`
            SELECT key, value FROM wa_auth_state WHERE key = ANY (${ids.map((id) => `${type}:${id}`)}::text[])`;
          const found: { [id: string]: SignalDataTypeMap[T] } = {};
          for (const row of rows) {
            let value: unknown = JSON.parse(row.value, BufferJSON.reviver);
            // protobuf objects lose their class in JSON; Baileys calls methods on this one
            if (type === 'app-state-sync-key') value = proto.Message.AppStateSyncKeyData.fromObject(value as object);
            found[row.key.slice(type.length + 1)] = value as SignalDataTypeMap[T];
          }
          return found;
        },
        async set(data) {
          const upserts: { key: string; value: string }[] = [];
          const deletes: string[] = [];
          for (const [type, entries] of Object.entries(data)) {
            for (const [id, value] of Object.entries(entries ?? {})) {
              if (value === null || value === undefined) deletes.push(`${type}:${id}`);
              else upserts.push({ key: `${type}:${id}`, value: JSON.stringify(value, BufferJSON.replacer) });
            }
          }
          // one transaction: a pre-key batch or a session update lands whole or not at all
          await sql.begin(async (tx) => {
            if (deletes.length > 0) await tx`DELETE FROM wa_auth_state WHERE key = ANY (${deletes}::text[])`;
            if (upserts.length > 0) {
              await tx`
                INSERT INTO wa_auth_state (key, value)
                SELECT * FROM unnest(${upserts.map((u) => u.key)}::text[], ${upserts.map((u) => u.value)}::text[])
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`;
            }
          });
        },
        async clear() {
          await clearAuthState(sql);
        },
      },
    },
    saveCreds: () => writeValue(sql, CREDS_KEY, creds),
  };
}

/** After a logout the keys are worthless; clearing them makes the next start pair afresh. */
export async function clearAuthState(sql: Sql): Promise<void> {
  await sql`DELETE FROM wa_auth_state`;
}

const CREDS_KEY = 'creds';

async function readValue<T>(sql: Sql, key: string): Promise<T | undefined> {
  const [row] = await sql<{ value: string }[]>`SELECT value FROM wa_auth_state WHERE key = ${key}`;
  return row ? (JSON.parse(row.value, BufferJSON.reviver) as T) : undefined;
}

async function writeValue(sql: Sql, key: string, value: unknown): Promise<void> {
  await sql`
    INSERT INTO wa_auth_state (key, value) VALUES (${key}, ${JSON.stringify(value, BufferJSON.replacer)})
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`;
}
