import { afterEach, expect, test } from 'bun:test'
import { join } from 'node:path'
import { type FixtureServer, generateFixtureJobs, startGreenhouseFixture, startNaukriFixture } from '../../../scripts/fixtures/job-boards/index.ts'

const SCRIPT = join(import.meta.dir, '../../../scripts/scrape.ts')

let server: FixtureServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const proc = Bun.spawn(['bun', SCRIPT, ...args], { stdout: 'pipe', stderr: 'pipe', env: { ...process.env, LOG_LEVEL: 'warn' } })
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited])
  return { code, stdout, stderr }
}

test('--dry-run prints what one source found as JSON', async () => {
  server = startNaukriFixture({ jobs: generateFixtureJobs({ count: 7, roles: ['Data Analyst'], cities: ['Bengaluru'] }) })
  const { code, stdout } = await cli(['--source', 'naukri', '--role', 'data analyst', '--city', 'bengaluru', '--dry-run', '--base-url', server.url])
  expect(code).toBe(0)
  const output = JSON.parse(stdout) as { source: string; found: number; errors: string[]; query: object; jobs: Array<{ title: string; posted_at: string }> }
  expect(output).toMatchObject({ source: 'naukri', found: 7, errors: [], query: { role: 'data analyst', city: 'bengaluru' } })
  expect(output.jobs).toHaveLength(7)
  expect(output.jobs[0]?.title).toContain('Data Analyst')
})

test('--board feeds company boards; source errors give exit code 1 with the JSON still printed', async () => {
  server = startGreenhouseFixture({ boards: { acme: generateFixtureJobs({ count: 3, roles: ['Data Analyst'] }) } })
  const { code, stdout } = await cli(['--source', 'greenhouse', '--board', 'acme', '--board', 'missing', '--role', 'data analyst', '--dry-run', '--base-url', server.url])
  expect(code).toBe(1)
  const output = JSON.parse(stdout) as { found: number; errors: string[] }
  expect(output.found).toBe(3)
  expect(output.errors).toEqual([expect.stringContaining('board missing: HTTP 404')])
})

test('refuses to run without --dry-run or with an unknown source', async () => {
  const noDryRun = await cli(['--source', 'naukri', '--role', 'x'])
  expect(noDryRun.code).toBe(2)
  expect(noDryRun.stderr).toContain('only --dry-run is supported')
  const unknown = await cli(['--source', 'monster', '--role', 'x', '--dry-run'])
  expect(unknown.code).toBe(2)
  expect(unknown.stderr).toContain('--source must be one of naukri, indeed, linkedin, greenhouse, lever, ashby')
})
