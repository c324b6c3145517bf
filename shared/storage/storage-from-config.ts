import { join } from 'node:path'
import type { Config } from '../config/index.ts'
import type { FileStorage } from './file-storage.ts'
import { createLocalStorage } from './local-storage.ts'
import { createSupabaseStorage } from './supabase-storage.ts'

/** One client per config object: agents get their config per run, and a Supabase client is worth reusing. */
const built = new WeakMap<Config, FileStorage>()

/**
 * The file storage every server shares: Supabase Storage when the project URL and
 * service-role key are both set (production); otherwise a folder under DATA_DIR, so
 * Server 1's uploads and Server 2's agents on one box see the same files.
 */
export function storageFromConfig(config: Config): FileStorage {
  let storage = built.get(config)
  if (storage === undefined) {
    storage =
      config.SUPABASE_URL && config.SUPABASE_SERVICE_ROLE_KEY
        ? createSupabaseStorage({ url: config.SUPABASE_URL, serviceRoleKey: config.SUPABASE_SERVICE_ROLE_KEY, bucket: config.STORAGE_BUCKET })
        : createLocalStorage(join(config.DATA_DIR, 'storage'))
    built.set(config, storage)
  }
  return storage
}
