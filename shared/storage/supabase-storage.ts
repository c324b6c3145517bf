import { createClient } from '@supabase/supabase-js'
import { FileNotFoundError, type FileStorage, storagePathSegments } from './file-storage.ts'

export type SupabaseStorageConfig = {
  /** project URL, e.g. https://abc.supabase.co */
  url: string
  /** service-role key: the server writes on behalf of users, so bucket RLS is bypassed */
  serviceRoleKey: string
  /** a private bucket; files are served to users only through our own authorised routes */
  bucket: string
}

/** Fields the storage client's errors carry (StorageApiError); read structurally, messages are not parsed. */
type StorageFailure = { message: string; status?: number; statusCode?: string; code?: string }

/**
 * Supabase Storage answers a missing object with 404 / `NoSuchKey` today and
 * with HTTP 400 + body statusCode "404" on older deployments; both mean "no file".
 */
function isMissingObject(error: StorageFailure): boolean {
  return error.status === 404 || error.statusCode === '404' || error.code === 'NoSuchKey' || error.code === 'not_found'
}

/** Error text carries the operation, path and the API's status, never the key. */
function storageFailure(operation: string, path: string, error: StorageFailure): Error {
  const status = error.status ?? error.statusCode ?? 'no status'
  return new Error(`supabase storage ${operation} "${path}" failed (${status}): ${error.message}`, { cause: error })
}

export function createSupabaseStorage(config: SupabaseStorageConfig): FileStorage {
  const client = createClient(config.url, config.serviceRoleKey, {
    // A server-side service client: no user session to keep, refresh or read from a URL.
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  })
  const bucket = () => client.storage.from(config.bucket)

  return {
    async put(path, bytes, contentType) {
      storagePathSegments(path)
      // upsert: a retried upload of the same path replaces instead of failing with "Duplicate".
      const { error } = await bucket().upload(path, bytes, { contentType, upsert: true })
      if (error) throw storageFailure('put', path, error)
    },

    async get(path) {
      storagePathSegments(path)
      const { data, error } = await bucket().download(path)
      if (error) throw isMissingObject(error) ? new FileNotFoundError(path) : storageFailure('get', path, error)
      return new Uint8Array(await data.arrayBuffer())
    },

    async delete(path) {
      storagePathSegments(path)
      // Storage answers 200 with an empty list for a missing object, which keeps delete idempotent.
      const { error } = await bucket().remove([path])
      if (error) throw storageFailure('delete', path, error)
    },

    async exists(path) {
      storagePathSegments(path)
      // info() rather than exists(): exists() throws on the older 400-style "not found".
      const { error } = await bucket().info(path)
      if (!error) return true
      if (isMissingObject(error)) return false
      throw storageFailure('exists', path, error)
    },
  }
}
