import { defineAgent, hop } from '#shared/agents/agent-implementation.ts'
import { buildSearchQueries, type SearchUser } from './build-search-queries.ts'
import type { JobSourceRow } from './create-adapter.ts'
import { mayScrape } from './dev-feed-sources.ts'
import { runSources } from './run-sources.ts'
import { storeScrapedJobs } from './store-scraped-jobs.ts'

/**
 * Agent 9. One scrape_runs row per agent run (a retried run finds its row), every enabled
 * job_sources row (a `bun run dev` feed's only by that run's servers: dev-feed-sources.ts)
 * searched for the union of users' target roles and cities, jobs upserted and linked across
 * platforms, per-source counts and errors kept on the row; then JD cleaning.
 * A failing source is recorded, never fatal: the other sources' jobs still flow down the chain.
 */
export const scrapeAgent = defineAgent('scrape', {
  async run(_input, ctx) {
    const { config } = ctx
    const [scrapeRun] = await ctx.sql<{ id: string }[]>`
      INSERT INTO scrape_runs (agent_run_id) VALUES (${ctx.runId})
      ON CONFLICT (agent_run_id) DO UPDATE SET status = 'running', finished_at = NULL
      RETURNING id`
    if (!scrapeRun) throw new Error('scrape run row missing')
    const scrapeRunId = Number(scrapeRun.id)
    const log = ctx.log.child({ scrape_run_id: scrapeRunId })

    const enabled = await ctx.sql<JobSourceRow[]>`
      SELECT id, kind, base_url, enabled, config FROM job_sources WHERE enabled ORDER BY id`
    const sources = enabled.filter((source) => mayScrape(source, config))
    const skipped = enabled.filter((source) => !sources.includes(source)).map((source) => source.id)
    if (skipped.length > 0) log.warn({ skipped }, 'dev-* sources skipped: only the servers of the bun run dev that wrote them scrape them')
    const users = await ctx.sql<SearchUser[]>`
      SELECT target_roles, locations FROM users WHERE cardinality(target_roles) > 0`
    const queries = buildSearchQueries(users, { maxQueries: config.SCRAPE_MAX_QUERIES })
    log.info({ sources: sources.map((s) => s.id), queries: queries.length }, 'scrape starting')

    const result = await runSources(sources, queries, {
      maxJobsPerSource: config.SCRAPE_MAX_JOBS_PER_SOURCE,
      pacing: { minMs: config.SCRAPE_PACE_MIN_MS, maxMs: Math.max(config.SCRAPE_PACE_MIN_MS, config.SCRAPE_PACE_MAX_MS) },
      retry: { baseDelayMs: config.SCRAPE_RETRY_BASE_MS },
      logger: log,
    })
    const stored = await storeScrapedJobs(ctx.sql, scrapeRunId, result.jobs)
    const failing = Object.entries(result.perSource).filter(([, stats]) => stats.errors.length > 0)

    await ctx.sql.begin(async (tx) => {
      await tx`
        UPDATE scrape_runs SET status = 'succeeded', finished_at = now(), jobs_found = ${result.jobs.length},
               source_stats = ${tx.json({ ...result.perSource } as never)}
         WHERE id = ${scrapeRunId}`
      if (failing.length > 0) {
        const summary = failing.map(([id, stats]) => `${id}: ${stats.errors[0]}`).join('; ')
        await tx`
          INSERT INTO notifications (audience, kind, title, body, data, dedupe_key)
          VALUES ('operator', 'scrape_source_errors', ${`Scrape run ${scrapeRunId}: ${failing.length} source(s) had errors`},
                  ${summary.slice(0, 2000)}, ${tx.json({ scrape_run_id: scrapeRunId, sources: failing.map(([id]) => id) })},
                  ${`scrape-source-errors:${scrapeRunId}`})
          ON CONFLICT (dedupe_key) DO NOTHING`
      }
    })
    log.info({ jobs: result.jobs.length, ...stored, failing_sources: failing.map(([id]) => id) }, 'scrape finished')
    return {
      output: { scrape_run_id: scrapeRunId, jobs_found: result.jobs.length, inserted: stored.inserted, linked: stored.linked },
      hops: [hop('jd-clean', { scrape_run_id: scrapeRunId })],
    }
  },
})
