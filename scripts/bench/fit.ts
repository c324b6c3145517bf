/**
 * `bun run bench:fit` — fit scoring end to end on a fresh database (TEST_DATABASE_URL or local
 * Postgres): a deterministic synthetic market is inserted, then the real fit-score agent runs a
 * delta (5,000 new jobs × 20,000 users) and a full scan (1 user × 30,000 jobs), reading from and
 * writing to Postgres. A naive all-pairs scorer (every pair, full scorer, no candidate index)
 * runs on a sample of the new jobs in the same process for the speed-up ratio.
 * Last line: one JSON object with the figures.
 */
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { runCli } from '#shared/cli/run-cli.ts'
import { parseConfig } from '#shared/config/index.ts'
import { createLogger } from '#shared/logger.ts'
import { BatchScorer } from '../../server2/agents/fit-score/batch-scorer.ts'
import { buildCandidateIndex, candidateUsersForJob } from '../../server2/agents/fit-score/candidate-index.ts'
import { fitScoreAgent } from '../../server2/agents/fit-score/fit-score-agent.ts'
import { clearCurrentJobsCache, persistJobExtracts } from '../../server2/agents/fit-score/current-jobs.ts'
import { buildJobFeatureSet, extractJobs, type JobInput } from '../../server2/agents/fit-score/job-features.ts'
import { loadRunJobs } from '../../server2/agents/fit-score/scoring-inputs.ts'
import { featureOptions } from '../../server2/agents/fit-score/score-delta.ts'
import { scoreJobForUser } from '../../server2/agents/fit-score/score-job-for-user.ts'
import { buildUserFeatures } from '../../server2/agents/fit-score/user-features.ts'
import { DEFAULT_WEIGHTS } from '../../server2/agents/fit-score/weights.ts'
import { syntheticMarket } from '../../tests/server2/fit-score/synthetic.ts'
import { TEST_SECRETS } from '../../tests/support/test-config.ts'
import { createTestDatabase } from '../../tests/support/test-database.ts'
import { requireRealPostgres } from '../cli/require-real-postgres.ts'

const USERS = 20_000
const NEW_JOBS = 5_000
const ALL_JOBS = 30_000
const NAIVE_SAMPLE_JOBS = 50
const INSERT_CHUNK = 2_000

/** A deterministic UUID per synthetic user index, so reruns write the same ids. */
const uuidOf = (i: number): string => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`

await runCli('bench:fit', () => {
  parseArgs({ args: process.argv.slice(2), options: {}, strict: true })
  requireRealPostgres()
}, { usage: 'bun run bench:fit' })

const db = await createTestDatabase()
const sql = postgres(db.url, { max: 4, onnotice: () => {} })
/** The storage policy comes from the environment like the server's, so an operator can bench their own floor and N. */
const policyEnv = Object.fromEntries(
  ['FIT_SCORE_FLOOR', 'FIT_SCORE_TOP_N', 'FIT_SCORE_MAX_PER_RUN'].flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name] as string]])),
)
const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: db.url, ...TEST_SECRETS, ...policyEnv })
const ctx = {
  config,
  sql,
  log: createLogger({ level: 'silent', name: 'bench-fit' }),
  instanceId: 'bench-fit',
  embedded: false,
  runId: crypto.randomUUID(),
  attempt: 1,
}

try {
  const market = syntheticMarket(USERS, ALL_JOBS, 2026)
  const setupStarted = performance.now()
  const [oldRun, newRun] = await sql<{ id: string }[]>`
    INSERT INTO scrape_runs (status, scoring_complete, finished_at) VALUES ('succeeded', TRUE, now()), ('succeeded', FALSE, now()) RETURNING id`
  const oldRunId = Number(oldRun?.id)
  const newRunId = Number(newRun?.id)
  for (let start = 0; start < USERS; start += INSERT_CHUNK) {
    const slice = market.users.slice(start, start + INSERT_CHUNK)
    const users = slice.map((u, k) => ({
      id: uuidOf(start + k),
      target_roles: sql.array([...u.target_roles]),
      locations: sql.array([...u.locations]),
      expected_salary_inr: u.expected_salary_inr,
    }))
    await sql`INSERT INTO users ${sql(users)}`
    const resumes = slice.map((u, k) => ({
      user_id: uuidOf(start + k),
      storage_path: `resumes/${uuidOf(start + k)}/bench.txt`,
      file_name: 'bench.txt',
      mime_type: 'text/plain',
      size_bytes: 1,
      sha256: 'bench',
      status: 'parsed',
      profile: sql.json(u.profile as never),
    }))
    await sql`INSERT INTO resumes ${sql(resumes)}`
  }
  const jobRow = (job: JobInput, i: number) => ({
    source: 'naukri',
    external_id: `bench-${i}`,
    title: job.title,
    company: job.company,
    raw_jd: job.clean_text ?? '',
    clean_jd: job.clean_text,
    structured: sql.json(job.structure as never),
    jd_cleaned: true,
    content_hash: `bench-${i}`,
    scrape_run_id: i < ALL_JOBS - NEW_JOBS ? oldRunId : newRunId,
  })
  for (let start = 0; start < ALL_JOBS; start += INSERT_CHUNK) {
    const rows = market.jobs.slice(start, start + INSERT_CHUNK).map((job, k) => jobRow(job, start + k))
    await sql`INSERT INTO jobs ${sql(rows)}`
  }
  // The earlier run's jobs as its delta run left them: with their extracts in job_features.
  await persistJobExtracts(sql, extractJobs(await loadRunJobs(sql, oldRunId), featureOptions))
  await sql`ANALYZE`
  const setupS = (performance.now() - setupStarted) / 1000

  // Delta: the new run's jobs against every user, through the agent (reads, scores, writes, flags).
  let started = performance.now()
  const delta = (await fitScoreAgent.run({ mode: 'delta', scrape_run_id: newRunId }, ctx)).output as Record<string, number> & { phase_ms: object }
  const deltaS = (performance.now() - started) / 1000

  // Full scan: one user against all 30,000 current jobs.
  const scanUser = uuidOf(7)
  await sql`UPDATE users SET fit_scores_stale = TRUE, fit_scores_stale_since = now() WHERE id = ${scanUser}`
  started = performance.now()
  const scan = (await fitScoreAgent.run({ mode: 'full_scan', user_id: scanUser, reason: 'bench:1' }, ctx)).output as Record<string, number> & { phase_ms: object }
  const fullScanS = (performance.now() - started) / 1000
  const [flag] = await sql<{ stale: boolean }[]>`SELECT fit_scores_stale AS stale FROM users WHERE id = ${scanUser}`
  // A full scan (another user) as the first one after a process restart: no job feature set in memory.
  clearCurrentJobsCache()
  started = performance.now()
  const coldScan = (await fitScoreAgent.run({ mode: 'full_scan', user_id: uuidOf(11), reason: 'bench:2' }, ctx)).output as Record<string, number> & { phase_ms: object }
  const coldScanS = (performance.now() - started) / 1000

  // Naive vs ours on the same sample of new jobs: all pairs with the full scorer, against
  // candidate generation + batch screening (what the delta does before it stores).
  const newJobs = market.jobs.slice(ALL_JOBS - NEW_JOBS)
  const { space, jobs } = buildJobFeatureSet(newJobs, featureOptions)
  const users = market.users.map((u) => buildUserFeatures(space, u))
  const sample = jobs.slice(0, NAIVE_SAMPLE_JOBS)
  started = performance.now()
  let naiveChecksum = 0
  for (const job of sample) for (const user of users) naiveChecksum += scoreJobForUser(user, job, DEFAULT_WEIGHTS).score
  const naiveMs = performance.now() - started
  started = performance.now()
  const index = buildCandidateIndex(users)
  const scorer = new BatchScorer(space)
  const out = new Uint8Array(users.length)
  let sampleCandidates = 0
  for (const job of sample) {
    const candidates = candidateUsersForJob(index, job)
    sampleCandidates += candidates.length
    scorer.scoreUsers(job, users, candidates, DEFAULT_WEIGHTS, out)
  }
  const oursMs = performance.now() - started
  const [stored] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM fit_scores`
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024)

  const lines = [
    `policy: keep scores ≥ ${config.FIT_SCORE_FLOOR} plus each user's top ${config.FIT_SCORE_TOP_N} per run; a delta run stores at most ${config.FIT_SCORE_MAX_PER_RUN || 'unlimited'} per user`,
    `machine: ${navigator.hardwareConcurrency} cores, bun ${Bun.version}, ${process.platform}/${process.arch}`,
    `setup (generate + insert ${USERS} users, ${ALL_JOBS} jobs): ${setupS.toFixed(1)} s`,
    `delta ${NEW_JOBS} jobs × ${USERS} users: ${deltaS.toFixed(2)} s; pairs considered ${delta.pairs_considered}, scored ${delta.pairs_scored} (${((100 * delta.pairs_scored!) / delta.pairs_considered!).toFixed(1)}%), stored ${delta.pairs_stored}, pruned ${delta.pruned}`,
    `delta phases (ms): ${JSON.stringify(delta.phase_ms)}`,
    `full scan 1 user × ${scan.jobs} jobs (after the delta, which rebuilt the process's job feature set): ${fullScanS.toFixed(2)} s; pairs scored ${scan.pairs_scored}, stored ${scan.pairs_stored}; stale flag cleared: ${flag?.stale === false}`,
    `full scan phases (ms): ${JSON.stringify(scan.phase_ms)}`,
    `full scan after a restart (another user, no job features in memory): ${coldScanS.toFixed(2)} s; pairs scored ${coldScan.pairs_scored}, stored ${coldScan.pairs_stored}; phases (ms): ${JSON.stringify(coldScan.phase_ms)}`,
    `naive all-pairs on ${NAIVE_SAMPLE_JOBS} jobs × ${USERS} users: ${naiveMs.toFixed(0)} ms (checksum ${naiveChecksum}); candidates + batch on the same sample: ${oursMs.toFixed(0)} ms (${sampleCandidates} pairs)`,
    `naive extrapolated to the delta's scoring: ${((naiveMs * NEW_JOBS) / NAIVE_SAMPLE_JOBS / 1000).toFixed(1)} s`,
    `fit_scores rows: ${stored?.n}; peak RSS ${peakMb} MB`,
  ]
  for (const line of lines) console.log(line)
  console.log(
    JSON.stringify({
      delta_s: Number(deltaS.toFixed(2)),
      full_scan_s: Number(fullScanS.toFixed(3)),
      full_scan_cold_s: Number(coldScanS.toFixed(3)),
      pairs_considered: delta.pairs_considered! + scan.pairs_considered!,
      pairs_scored: delta.pairs_scored! + scan.pairs_scored!,
      pairs_stored: delta.pairs_stored! + scan.pairs_stored!,
      peak_mb: peakMb,
      speedup_vs_naive: Number((naiveMs / oursMs).toFixed(1)),
    }),
  )
} finally {
  await sql.end()
  await db.drop()
}
