import type { Subprocess } from 'bun'
import { createWriteStream, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import { freePort } from '../../tests/support/free-port.ts'
import { testEnv } from '../../tests/support/test-config.ts'

export type ServerName = 'server1' | 'server2' | 'server3'
export const SERVER_NAMES: ServerName[] = ['server1', 'server2', 'server3']

export interface Cluster {
  urls: Record<ServerName, string>
  /** the env every server process gets (secrets from TEST_SECRETS, so the harness can sign and mint tokens) */
  env: Record<string, string>
  start(name: ServerName): Promise<void>
  /** SIGKILL: no shutdown hook runs, leases and half-done transactions stay as they were */
  kill(name: ServerName): Promise<void>
  /** resolves when GET /health answers ok with the database reachable */
  waitHealthy(name: ServerName, timeoutMs?: number): Promise<void>
  stopAll(): Promise<void>
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3_000) })
    if (!res.ok) return false
    const body = (await res.json()) as { database?: string }
    return body.database === 'ok'
  } catch {
    return false
  }
}

async function pipe(stream: ReadableStream<Uint8Array>, log: WriteStream) {
  for await (const chunk of stream) log.write(chunk)
}

/**
 * The three servers as real child processes (`bun serverN/index.ts`, what `bun run serverN`
 * runs), so a kill is a real process death. Each appends its log to `<logDir>/<name>.log`.
 */
export function createCluster(opts: { databaseUrl: string; embedded: boolean; dataDir: string; logDir: string; env: Record<string, string> }): Cluster {
  const ports = { server1: freePort(), server2: freePort(), server3: freePort() }
  const urls = {
    server1: `http://127.0.0.1:${ports.server1}`,
    server2: `http://127.0.0.1:${ports.server2}`,
    server3: `http://127.0.0.1:${ports.server3}`,
  }
  const env = testEnv({
    DATABASE_URL: opts.databaseUrl,
    TALVIX_EMBEDDED: opts.embedded ? '1' : '0',
    DATA_DIR: opts.dataDir,
    SERVER1_URL: urls.server1,
    SERVER2_URL: urls.server2,
    SERVER3_URL: urls.server3,
    SERVER1_PORT: String(ports.server1),
    SERVER2_PORT: String(ports.server2),
    SERVER3_PORT: String(ports.server3),
    LOG_LEVEL: process.env.SIM_LOG_LEVEL ?? 'warn',
    ...opts.env,
  })
  const children = new Map<ServerName, Subprocess>()
  const logs = new Map<ServerName, WriteStream>()
  const logOf = (name: ServerName) => {
    let log = logs.get(name)
    if (!log) {
      log = createWriteStream(join(opts.logDir, `${name}.log`), { flags: 'a' })
      logs.set(name, log)
    }
    return log
  }
  const cluster: Cluster = {
    urls,
    env,
    async start(name) {
      const child = Bun.spawn(['bun', `${name}/index.ts`], { env, stdout: 'pipe', stderr: 'pipe' })
      children.set(name, child)
      const log = logOf(name)
      log.write(`--- ${new Date().toISOString()} started pid ${child.pid}\n`)
      void pipe(child.stdout, log)
      void pipe(child.stderr, log)
      await cluster.waitHealthy(name, 60_000)
    },
    async kill(name) {
      const child = children.get(name)
      if (!child) return
      child.kill('SIGKILL')
      await child.exited
      children.delete(name)
      logOf(name).write(`--- ${new Date().toISOString()} SIGKILL\n`)
    },
    async waitHealthy(name, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const child = children.get(name)
        if (child?.exitCode !== null && child?.exitCode !== undefined) {
          throw new Error(`${name} exited with code ${child.exitCode}; see ${join(opts.logDir, `${name}.log`)}`)
        }
        if (await healthy(urls[name])) return
        await Bun.sleep(100)
      }
      throw new Error(`${name} not healthy after ${timeoutMs} ms; see ${join(opts.logDir, `${name}.log`)}`)
    },
    async stopAll() {
      for (const [name, child] of children) {
        child.kill('SIGTERM')
        const exited = await Promise.race([child.exited.then(() => true), Bun.sleep(10_000).then(() => false)])
        if (!exited) child.kill('SIGKILL')
        children.delete(name)
      }
      for (const log of logs.values()) log.end()
    },
  }
  return cluster
}
