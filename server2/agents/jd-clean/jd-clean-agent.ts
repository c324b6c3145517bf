import { defineAgent, hop } from '#shared/agents/agent-implementation.ts'
import { cleanRunJobs } from './clean-run-jobs.ts'
import { linkDuplicates } from './link-duplicates.ts'

/** Agent 7: cleans every uncleaned job of a scrape run, links duplicate postings, then chains to delta fit scoring. */
export const jdCleanAgent = defineAgent('jd-clean', {
  async run(input, ctx) {
    const { cleaned, failed } = await cleanRunJobs(ctx.sql, ctx.log, input.scrape_run_id)
    const duplicates = await linkDuplicates(ctx.sql, input.scrape_run_id)
    ctx.log.info({ scrape_run_id: input.scrape_run_id, cleaned, failed, duplicates }, 'scrape run cleaned')
    return {
      output: { cleaned, failed, duplicates },
      hops: [hop('fit-score', { mode: 'delta', scrape_run_id: input.scrape_run_id })],
    }
  },
})
