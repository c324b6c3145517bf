import type { InvariantResult } from './invariants.ts'
import type { StageStats } from './stages.ts'

export interface SimulationResult {
  command: string
  database: string
  users: number
  jobs: number
  scraped: number
  applied: number
  wallSeconds: number
  stages: StageStats[]
  invariants: InvariantResult[]
  /** chaos runs add their kill/recovery section */
  extra?: string[]
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '-')

function pad(cells: string[], widths: number[]) {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  return [pad(header, widths), pad(widths.map((w) => '-'.repeat(w)), widths), ...rows.map((r) => pad(r, widths))]
}

function stageRows(stages: StageStats[], kind: StageStats['kind']) {
  return stages.filter((s) => s.kind === kind).map((s) => [s.name, String(s.count), `${s.seconds}`, ms(s.p50Ms), ms(s.p99Ms), String(s.failures)])
}

/** The report as plain text lines (stdout). */
export function textReport(result: SimulationResult): string[] {
  return [
    `Simulated day: ${result.users} users, ${result.jobs} jobs served (${result.scraped} scraped, ${result.applied} applications sent), ${result.wallSeconds} s wall, database: ${result.database}`,
    '',
    ...table(['stage (agent runs)', 'runs', 'seconds', 'p50', 'p99', 'failed'], stageRows(result.stages, 'agents')),
    '',
    ...table(['user action (HTTP / WhatsApp)', 'count', 'busy s', 'p50', 'p99', 'failed'], stageRows(result.stages, 'action')),
    '',
    ...(result.extra ?? []),
    ...(result.extra?.length ? [''] : []),
    'Invariants:',
    ...result.invariants.map((i) => `  ${i.pass ? 'PASS' : 'FAIL'}  ${i.name}: ${i.detail}`),
  ]
}

/** The last stdout line: one JSON object a script can read. */
export function jsonLine(result: SimulationResult): string {
  return JSON.stringify({
    users: result.users,
    jobs: result.jobs,
    invariants: Object.fromEntries(result.invariants.map((i) => [i.name, i.pass])),
    stages: Object.fromEntries(result.stages.filter((s) => s.kind === 'agents').map((s) => [s.name, { count: s.count, seconds: s.seconds }])),
  })
}

function mdTable(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)]
}

/** docs/simulation.md: the command, the tables, the chart and the invariants. */
export function markdownReport(result: SimulationResult, chartFile: string): string {
  return [
    '# Simulated day',
    '',
    'Written by `bun run simulate` (scripts/simulate.ts); see the script header for what the day contains.',
    '',
    '```sh',
    result.command,
    '```',
    '',
    `- ${result.users} users, ${result.jobs} jobs served by the fixture boards, ${result.scraped} scraped, ${result.applied} applications sent`,
    `- database: ${result.database}; servers: three \`bun serverN/index.ts\` processes; machine: ${navigator.hardwareConcurrency} cores`,
    `- wall time: ${result.wallSeconds} s (recorded ${new Date().toISOString()})`,
    '',
    `![stage timings](${chartFile})`,
    '',
    '## Stages',
    '',
    'Seconds: first run created → last run finished. p50/p99: run duration (onboarding: upload → dashboard ready).',
    '',
    ...mdTable(['stage', 'runs', 'seconds', 'p50', 'p99', 'failed'], stageRows(result.stages, 'agents')),
    '',
    '## User actions',
    '',
    'Through Server 1 over HTTP and through the WhatsApp inbound pipeline; "busy s" is the summed request time.',
    '',
    ...mdTable(['action', 'count', 'busy s', 'p50', 'p99', 'failed'], stageRows(result.stages, 'action')),
    '',
    ...(result.extra?.length ? ['## Chaos', '', ...result.extra.map((line) => (line.startsWith('  ') ? `- ${line.trim()}` : line)), ''] : []),
    '## Invariants',
    '',
    ...result.invariants.map((i) => `- **${i.pass ? 'PASS' : 'FAIL'}** \`${i.name}\`: ${i.detail}`),
    '',
  ].join('\n')
}
