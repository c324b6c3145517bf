import { join } from 'node:path'
import type { Config } from '#shared/config/index.ts'
import type { FileStorage } from '#shared/storage/file-storage.ts'
import { createLocalStorage } from '#shared/storage/local-storage.ts'
import { createSupabaseStorage } from '#shared/storage/supabase-storage.ts'

/** The same store Server 1 writes resumes to: Supabase Storage when configured, else DATA_DIR/files. */
export function openStorage(config: Config): FileStorage {
  if (config.SUPABASE_URL && config.SUPABASE_SERVICE_ROLE_KEY) {
    return createSupabaseStorage({ url: config.SUPABASE_URL, serviceRoleKey: config.SUPABASE_SERVICE_ROLE_KEY, bucket: config.STORAGE_BUCKET })
  }
  return createLocalStorage(join(config.DATA_DIR, 'files'))
}
