import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { FileNotFoundError, type FileStorage, StoragePathError, storagePathSegments } from './file-storage.ts'

/**
 * Temp files live in a dot-folder inside the root: valid paths cannot start
 * with '.', so no caller can read or collide with a half-written file, and
 * the rename stays on one filesystem (atomic).
 */
const TEMP_DIR = '.tmp'

/**
 * Files under `dir` (DATA_DIR/files by default). The content type is not
 * kept: the database row that points at a file records its MIME type.
 */
export function createLocalStorage(dir: string): FileStorage {
  const root = resolve(dir)

  function absolutePath(path: string): string {
    const full = join(root, ...storagePathSegments(path))
    // Belt and braces: the segment rules already forbid escaping the root.
    if (!full.startsWith(root + sep)) throw new StoragePathError(`storage path "${path}" escapes the storage folder`)
    return full
  }

  return {
    async put(path, bytes) {
      const target = absolutePath(path)
      const tempDir = join(root, TEMP_DIR)
      const temp = join(tempDir, randomUUID())
      await mkdir(tempDir, { recursive: true })
      await mkdir(dirname(target), { recursive: true })
      try {
        await writeFile(temp, bytes, { flush: true })
        // Readers see the old file or the whole new one, never a partial write.
        await rename(temp, target)
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    },

    async get(path) {
      try {
        return new Uint8Array(await readFile(absolutePath(path)))
      } catch (error) {
        if (isNotFound(error)) throw new FileNotFoundError(path)
        throw error
      }
    },

    async delete(path) {
      await rm(absolutePath(path), { force: true })
    },

    async exists(path) {
      try {
        return (await stat(absolutePath(path))).isFile()
      } catch (error) {
        if (isNotFound(error)) return false
        throw error
      }
    },
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR'
}
