import { defineAgent, hop } from '#shared/agents/agent-implementation.ts'

/** Agent 7: cleans every uncleaned job of a scrape run, then chains to delta fit scoring. */
export const jdCleanAgent = defineAgent('jd-clean', {
  async run(input, ctx) {
    const cleaned = await ctx.sql`
      UPDATE jobs SET clean_jd = raw_jd, jd_cleaned = TRUE
       WHERE scrape_run_id = ${input.scrape_run_id} AND NOT jd_cleaned
      RETURNING id`
    return {
      output: { cleaned: cleaned.length },
      hops: [hop('fit-score', { mode: 'delta', scrape_run_id: input.scrape_run_id })],
    }
  },
})
