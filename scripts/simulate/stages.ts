import type { Sql } from '#shared/db/create-sql.ts'
import { percentile } from '../bench/percentiles.ts'
import type { ActionMetrics } from './metrics.ts'

export interface StageStats {
  name: string
  /** agent runs (or user actions) in the stage */
  count: number
  /** wall time from the stage's first start to its last finish */
  seconds: number
  /** per-item latency: run duration, or upload → dashboard ready for onboarding, or request time for actions */
  p50Ms: number
  p99Ms: number
  failures: number
  kind: 'agents' | 'action'
}

/** Which agent runs make up each stage of the day, in the order the day plays them. */
const AGENT_STAGES: { name: string; where: (sql: Sql) => ReturnType<Sql> }[] = [
  { name: 'onboarding', where: (sql) => sql`(agent IN ('resume-parse', 'skill-gap', 'career-intel') OR idempotency_key LIKE 'fit-score:full:%:resume:%')` },
  { name: 'rescoring (stale flag)', where: (sql) => sql`idempotency_key LIKE 'fit-score:full:%' AND idempotency_key NOT LIKE 'fit-score:full:%:resume:%'` },
  { name: '19:30 session health', where: (sql) => sql`agent = 'session-health'` },
  { name: '20:00 scrape', where: (sql) => sql`agent = 'scrape'` },
  { name: 'JD cleaning', where: (sql) => sql`agent = 'jd-clean'` },
  { name: 'delta fit scoring', where: (sql) => sql`idempotency_key LIKE 'fit-score:delta:%'` },
  { name: 'apply queue and applies', where: (sql) => sql`agent IN ('apply', 'resume-tailor', 'cover-letter')` },
  { name: '03:30 retention', where: (sql) => sql`agent = 'retention'` },
  { name: '05:00 calibration', where: (sql) => sql`agent = 'calibrate-daily'` },
  { name: '07:00 coach', where: (sql) => sql`agent = 'coach'` },
]

export async function agentStages(sql: Sql): Promise<StageStats[]> {
  const stages: StageStats[] = []
  for (const stage of AGENT_STAGES) {
    const [row] = await sql<{ count: number; seconds: number | null; p50: number | null; p99: number | null; failures: number }[]>`
      SELECT count(*)::int AS count,
             extract(epoch FROM max(finished_at) - min(created_at))::float8 AS seconds,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p50,
             percentile_disc(0.99) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p99,
             count(*) FILTER (WHERE status = 'failed')::int AS failures
        FROM agent_runs WHERE ${stage.where(sql)}`
    const stats: StageStats = {
      name: stage.name,
      count: row?.count ?? 0,
      seconds: Math.round((row?.seconds ?? 0) * 10) / 10,
      p50Ms: row?.p50 ?? 0,
      p99Ms: row?.p99 ?? 0,
      failures: row?.failures ?? 0,
      kind: 'agents',
    }
    if (stage.name === 'onboarding') {
      // what the user waits for: upload accepted → dashboard ready
      const waits = await sql<{ ms: number }[]>`
        SELECT extract(epoch FROM n.created_at - r.created_at)::float8 * 1000 AS ms
          FROM notifications n
          JOIN LATERAL (SELECT min(created_at) AS created_at FROM resumes WHERE user_id = n.user_id) r ON true
         WHERE n.kind = 'dashboard_ready'`
      stats.p50Ms = percentile(waits.map((w) => w.ms), 50)
      stats.p99Ms = percentile(waits.map((w) => w.ms), 99)
    }
    stages.push(stats)
  }
  return stages
}

export function actionStages(metrics: ActionMetrics): StageStats[] {
  return [...metrics.samples.entries()].map(([name, entry]) => ({
    name,
    count: entry.ms.length,
    seconds: Math.round(entry.ms.reduce((a, b) => a + b, 0) / 100) / 10,
    p50Ms: percentile(entry.ms, 50),
    p99Ms: percentile(entry.ms, 99),
    failures: entry.failures,
    kind: 'action' as const,
  }))
}
