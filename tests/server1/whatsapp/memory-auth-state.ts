import {
  initAuthCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';

/**
 * Baileys auth state held in a Map, for tests that need a socket but no
 * pairing to survive. Production keeps creds and signal keys in Postgres
 * (two sockets or a restart must see the same keys). Same contract as that
 * store: `get` returns only ids it has, `set` with null deletes.
 */
export function memoryAuthState(): AuthenticationState {
  const values = new Map<string, unknown>();
  const keys: SignalKeyStore = {
    get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const found: { [id: string]: SignalDataTypeMap[T] } = {};
      for (const id of ids) {
        const value = values.get(`${type}:${id}`);
        if (value !== undefined) found[id] = value as SignalDataTypeMap[T];
      }
      return found;
    },
    set(data: SignalDataSet) {
      for (const [type, entries] of Object.entries(data)) {
        for (const [id, value] of Object.entries(entries ?? {})) {
          if (value === null) values.delete(`${type}:${id}`);
          else values.set(`${type}:${id}`, value);
        }
      }
    },
  };
  return { creds: initAuthCreds(), keys };
}
