import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileNotFoundError, type FileStorage, StoragePathError } from '../../shared/storage/file-storage.ts'
import { createLocalStorage } from '../../shared/storage/local-storage.ts'
import { createSupabaseStorage } from '../../shared/storage/supabase-storage.ts'

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n binary \u0000\u00ff tail')
const unsafePaths = [
  '../escape.pdf',
  'resumes/../../escape.pdf',
  'resumes/./a.pdf',
  '/etc/passwd',
  'resumes\\..\\a.pdf',
  'resumes//a.pdf',
  'resumes/a.pdf/',
  '',
  '.tmp/x',
  'resumes/.hidden',
  'resumes/a b.pdf',
  'resumes/a%2F..%2Fb.pdf',
  'resumes/a?.pdf',
  'x'.repeat(600),
]

/** The behaviour both backends must share; each suite runs it against its own implementation. */
function sharedContract(storage: () => FileStorage): void {
  test('put then get returns the same bytes; exists follows', async () => {
    const path = `resumes/${crypto.randomUUID()}/cv.pdf`
    expect(await storage().exists(path)).toBe(false)
    await storage().put(path, pdfBytes, 'application/pdf')
    expect(await storage().get(path)).toEqual(pdfBytes)
    expect(await storage().exists(path)).toBe(true)
  })

  test('put replaces an existing file', async () => {
    const path = `resumes/${crypto.randomUUID()}.txt`
    await storage().put(path, new TextEncoder().encode('first'), 'text/plain')
    await storage().put(path, new TextEncoder().encode('second'), 'text/plain')
    expect(new TextDecoder().decode(await storage().get(path))).toBe('second')
  })

  test('delete removes the file and is idempotent', async () => {
    const path = `resumes/${crypto.randomUUID()}.pdf`
    await storage().put(path, pdfBytes, 'application/pdf')
    await storage().delete(path)
    expect(await storage().exists(path)).toBe(false)
    await storage().delete(path)
  })

  test('get of a missing file throws FileNotFoundError', async () => {
    await expect(storage().get('resumes/missing.pdf')).rejects.toBeInstanceOf(FileNotFoundError)
  })

  for (const path of unsafePaths) {
    test(`rejects the unsafe path ${JSON.stringify(path.slice(0, 40))} in every operation`, async () => {
      await expect(storage().put(path, pdfBytes, 'application/pdf')).rejects.toBeInstanceOf(StoragePathError)
      await expect(storage().get(path)).rejects.toBeInstanceOf(StoragePathError)
      await expect(storage().delete(path)).rejects.toBeInstanceOf(StoragePathError)
      await expect(storage().exists(path)).rejects.toBeInstanceOf(StoragePathError)
    })
  }
}

describe('local storage', () => {
  let parent: string
  let root: string
  let storage: FileStorage
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'talvix-storage-'))
    root = join(parent, 'files')
    storage = createLocalStorage(root)
  })
  afterAll(() => rm(parent, { recursive: true, force: true }))

  sharedContract(() => storage)

  test('path traversal never touches files outside the folder', async () => {
    await writeFile(join(parent, 'secret.txt'), 'outside')
    await expect(storage.get('../secret.txt')).rejects.toBeInstanceOf(StoragePathError)
    await expect(storage.delete('../secret.txt')).rejects.toBeInstanceOf(StoragePathError)
    expect(await Bun.file(join(parent, 'secret.txt')).text()).toBe('outside')
  })

  test('writes leave no temp files behind, even with concurrent writers to one path', async () => {
    const path = 'resumes/concurrent.bin'
    const versions = Array.from({ length: 20 }, (_, index) => new Uint8Array(64 * 1024).fill(index))
    await Promise.all(versions.map((bytes) => storage.put(path, bytes, 'application/octet-stream')))
    const stored = await storage.get(path)
    // Whole-file replacement: the result is exactly one writer's bytes, never a mix.
    expect(versions.some((bytes) => Buffer.from(bytes).equals(Buffer.from(stored)))).toBe(true)
    expect(await readdir(join(root, '.tmp'))).toEqual([])
  })
})

type StoredObject = { bytes: Uint8Array<ArrayBuffer>; contentType: string }
type FakeCall = { method: string; path: string; upsert: string | null }

/**
 * A fake of the Supabase Storage REST endpoints storage-js calls:
 * POST /object/{bucket}/{path} (upload), GET /object/{bucket}/{path}
 * (download), GET /object/info/{bucket}/{path} (info), DELETE /object/{bucket}
 * with {prefixes} (remove).
 */
function startFakeSupabaseStorage(options: { serviceRoleKey: string; bucket: string }) {
  const objects = new Map<string, StoredObject>()
  const calls: FakeCall[] = []
  const state = { legacyNotFound: false, failUploads: false }
  const prefix = `/storage/v1/object/`

  const notFound = () =>
    state.legacyNotFound
      ? Response.json({ statusCode: '404', error: 'not_found', message: 'Object not found' }, { status: 400 })
      : Response.json({ statusCode: '404', code: 'NoSuchKey', error: 'not_found', message: 'Object not found' }, { status: 404 })

  const server = Bun.serve({
    port: 0,
    async fetch(request) {
      const url = new URL(request.url)
      calls.push({ method: request.method, path: url.pathname, upsert: request.headers.get('x-upsert') })
      const authorised =
        request.headers.get('apikey') === options.serviceRoleKey &&
        request.headers.get('authorization') === `Bearer ${options.serviceRoleKey}`
      if (!authorised) return Response.json({ statusCode: '403', error: 'Unauthorized', message: 'invalid signature' }, { status: 403 })
      if (!url.pathname.startsWith(prefix)) return new Response('no route', { status: 404 })
      const rest = url.pathname.slice(prefix.length)

      if (request.method === 'GET' && rest.startsWith(`info/${options.bucket}/`)) {
        const object = objects.get(rest.slice(`info/${options.bucket}/`.length))
        if (!object) return notFound()
        return Response.json({ id: 'x', name: rest, size: object.bytes.length, content_type: object.contentType })
      }
      if (request.method === 'DELETE' && rest === options.bucket) {
        const { prefixes } = (await request.json()) as { prefixes: string[] }
        const deleted = prefixes.filter((path) => objects.delete(path)).map((name) => ({ name }))
        return Response.json(deleted)
      }
      if (!rest.startsWith(`${options.bucket}/`)) return Response.json({ message: 'Bucket not found' }, { status: 404 })
      const key = rest.slice(options.bucket.length + 1)
      if (request.method === 'POST' || request.method === 'PUT') {
        if (state.failUploads) return Response.json({ statusCode: '500', error: 'internal', message: 'disk full' }, { status: 500 })
        if (request.method === 'POST' && objects.has(key) && request.headers.get('x-upsert') !== 'true') {
          return Response.json({ statusCode: '409', error: 'Duplicate', message: 'The resource already exists' }, { status: 400 })
        }
        const bytes = new Uint8Array(await request.arrayBuffer())
        objects.set(key, { bytes, contentType: request.headers.get('content-type') ?? '' })
        return Response.json({ Id: crypto.randomUUID(), Key: `${options.bucket}/${key}` })
      }
      if (request.method === 'GET') {
        const object = objects.get(key)
        if (!object) return notFound()
        return new Response(object.bytes, { headers: { 'content-type': object.contentType } })
      }
      return new Response('method not allowed', { status: 405 })
    },
  })
  return { url: `http://localhost:${server.port}`, objects, calls, state, stop: () => server.stop(true) }
}

describe('Supabase storage (against a local fake of the Storage API)', () => {
  const serviceRoleKey = 'service-role-' + crypto.randomUUID()
  const bucket = 'resumes'
  let fake: ReturnType<typeof startFakeSupabaseStorage>
  let storage: FileStorage
  beforeAll(() => {
    fake = startFakeSupabaseStorage({ serviceRoleKey, bucket })
    storage = createSupabaseStorage({ url: fake.url, serviceRoleKey, bucket })
  })
  afterAll(() => fake.stop())

  sharedContract(() => storage)

  test('uploads with the content type and upsert, to /object/{bucket}/{path}', async () => {
    const path = `u1/${crypto.randomUUID()}.pdf`
    fake.calls.length = 0
    await storage.put(path, pdfBytes, 'application/pdf')
    expect(fake.calls).toEqual([{ method: 'POST', path: `/storage/v1/object/${bucket}/${path}`, upsert: 'true' }])
    expect(fake.objects.get(path)?.contentType).toBe('application/pdf')
  })

  test('deletes through DELETE /object/{bucket} with the path as a prefix', async () => {
    const path = `u1/${crypto.randomUUID()}.pdf`
    await storage.put(path, pdfBytes, 'application/pdf')
    fake.calls.length = 0
    await storage.delete(path)
    expect(fake.calls).toEqual([{ method: 'DELETE', path: `/storage/v1/object/${bucket}`, upsert: null }])
    expect(fake.objects.has(path)).toBe(false)
  })

  test('treats the older 400 + statusCode "404" answer as not found', async () => {
    fake.state.legacyNotFound = true
    try {
      expect(await storage.exists('u1/none.pdf')).toBe(false)
      await expect(storage.get('u1/none.pdf')).rejects.toBeInstanceOf(FileNotFoundError)
    } finally {
      fake.state.legacyNotFound = false
    }
  })

  test('an API failure surfaces with status and message, never the key', async () => {
    fake.state.failUploads = true
    try {
      const failure = await storage.put('u1/a.pdf', pdfBytes, 'application/pdf').catch((error: unknown) => error)
      expect(String(failure)).toMatch(/supabase storage put "u1\/a.pdf" failed \(500\): disk full/)
      expect(String(failure)).not.toContain(serviceRoleKey)
    } finally {
      fake.state.failUploads = false
    }
  })

  test('a wrong service key is an error, not "file missing"', async () => {
    const wrongKey = createSupabaseStorage({ url: fake.url, serviceRoleKey: 'wrong', bucket })
    await expect(wrongKey.exists('u1/a.pdf')).rejects.toThrow(/403/)
    await expect(wrongKey.get('u1/a.pdf')).rejects.toThrow(/403/)
  })

  test('unsafe paths never reach the network', async () => {
    fake.calls.length = 0
    await storage.get('../other-bucket/x').catch(() => undefined)
    expect(fake.calls).toEqual([])
  })
})
