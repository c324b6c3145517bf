import { join } from 'node:path'
import type { Config } from '#shared/config/index.ts'
import type { FileStorage } from '#shared/storage/file-storage.ts'
import { createLocalStorage } from '#shared/storage/local-storage.ts'
import { createSupabaseStorage } from '#shared/storage/supabase-storage.ts'

/**
 * Supabase Storage when the project URL and service-role key are both set (production);
 * otherwise a folder under DATA_DIR, so a newcomer's `bun run dev` needs nothing else.
 */
export function storageFromConfig(config: Config): FileStorage {
  if (config.SUPABASE_URL && config.SUPABASE_SERVICE_ROLE_KEY) {
    return createSupabaseStorage({
      url: config.SUPABASE_URL,
      serviceRoleKey: config.SUPABASE_SERVICE_ROLE_KEY,
      bucket: config.STORAGE_BUCKET,
    })
  }
  return createLocalStorage(join(config.DATA_DIR, 'storage'))
}
