import type { Subprocess } from 'bun'
import { testEnv } from './test-config.ts'
import { waitFor } from './wait-for.ts'

export interface ServerProcess {
  process: Subprocess
  url: string
  kill(signal?: NodeJS.Signals): Promise<void>
}

/** A server as a real child process (`bun serverN/index.ts`), so a test can SIGKILL it mid-run. */
export async function spawnServer(
  name: 'server1' | 'server2' | 'server3',
  env: Record<string, string>,
  port: number,
): Promise<ServerProcess> {
  const child = Bun.spawn(['bun', `${name}/index.ts`], {
    env: testEnv({ ...env, [`${name.toUpperCase()}_PORT`]: String(port) }),
    stdout: 'ignore',
    stderr: process.env.TEST_LOG_LEVEL ? 'inherit' : 'ignore',
  })
  const url = `http://127.0.0.1:${port}`
  await waitFor(`${name} /health`, () => fetch(`${url}/health`).then((r) => r.ok, () => false), 20_000, 100)
  return {
    process: child,
    url,
    async kill(signal = 'SIGKILL') {
      child.kill(signal)
      await child.exited
    },
  }
}
