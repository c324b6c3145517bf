/**
 * Where uploaded files (resumes, tailored resumes, cover letters) live. One
 * interface, two backends: a local folder for development and single-box
 * installs, Supabase Storage in production. Paths are relative keys like
 * `resumes/<user id>/<resume id>.pdf`, validated identically by both backends
 * so code that works locally cannot escape the bucket or folder in production.
 */
export interface FileStorage {
  /** Writes (or replaces) the file at `path`. */
  put(path: string, bytes: Uint8Array, contentType: string): Promise<void>
  /** Reads the file; throws FileNotFoundError when there is none. */
  get(path: string): Promise<Uint8Array>
  /** Removes the file; removing a missing file is not an error (retries stay idempotent). */
  delete(path: string): Promise<void>
  exists(path: string): Promise<boolean>
}

export class StoragePathError extends Error {
  override readonly name = 'StoragePathError'
}

export class FileNotFoundError extends Error {
  override readonly name = 'FileNotFoundError'
  constructor(readonly path: string) {
    super(`no stored file at "${path}"`)
  }
}

/**
 * Each segment starts with a letter or digit (so no `.`/`..`, no hidden
 * names) and uses a conservative alphabet: the Supabase client puts the path
 * into the URL without encoding it, so nothing here may need encoding.
 */
const SEGMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/
const MAX_PATH_LENGTH = 512

/** Throws StoragePathError unless `path` is a safe relative key; returns its segments. */
export function storagePathSegments(path: string): string[] {
  if (path.length === 0 || path.length > MAX_PATH_LENGTH) {
    throw new StoragePathError(`storage path must be 1-${MAX_PATH_LENGTH} characters`)
  }
  if (path.startsWith('/') || path.includes('\\')) {
    throw new StoragePathError(`storage path "${path}" must be relative and use "/" separators`)
  }
  const segments = path.split('/')
  for (const segment of segments) {
    if (segment === '..' || segment === '.') {
      throw new StoragePathError(`storage path "${path}" must not contain "${segment}"`)
    }
    if (!SEGMENT_PATTERN.test(segment)) {
      throw new StoragePathError(
        `storage path "${path}": segment "${segment}" must start with a letter or digit and use only A-Z a-z 0-9 . _ -`,
      )
    }
  }
  return segments
}
