import { defineAgent, hop } from '#shared/agents/agent-implementation.ts'

/** Agent 9: one scrape_runs row per run (a retry finds its row), then chains to JD cleaning. */
export const scrapeAgent = defineAgent('scrape', {
  async run(_input, ctx) {
    const [scrapeRun] = await ctx.sql<{ id: number }[]>`
      INSERT INTO scrape_runs (agent_run_id) VALUES (${ctx.runId})
      ON CONFLICT (agent_run_id) DO UPDATE SET agent_run_id = EXCLUDED.agent_run_id
      RETURNING id`
    if (!scrapeRun) throw new Error('scrape run row missing')
    const scrapeRunId = Number(scrapeRun.id)
    await ctx.sql`
      UPDATE scrape_runs SET status = 'succeeded', finished_at = now(),
             jobs_found = (SELECT count(*) FROM jobs WHERE scrape_run_id = ${scrapeRunId})
       WHERE id = ${scrapeRunId}`
    return { output: { scrape_run_id: scrapeRunId }, hops: [hop('jd-clean', { scrape_run_id: scrapeRunId })] }
  },
})
