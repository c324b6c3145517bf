import { defineAgent, hop } from '#shared/agents/agent-implementation.ts'
import { advanceApplication } from './advance-application.ts'
import { pickApplications } from './pick-applications.ts'

/**
 * Agent 12. After delta fit scoring (scope 'scrape_run') every user with auto-apply on gets a
 * run of their own (scope 'user': gates and picks); each picked application gets its own run
 * (scope 'application': prepare, then submit), so one slow browser or one bad posting never
 * holds up another user.
 */
export const applyAgent = defineAgent('apply', {
  userIdOf: (input) => (input.scope === 'user' ? input.user_id : undefined),
  async run(input, ctx) {
    if (input.scope === 'application') return advanceApplication(input.application_id, ctx)
    if (input.scope === 'user') return pickApplications(input.user_id, ctx)
    const users = await ctx.sql<{ id: string }[]>`SELECT id FROM users WHERE auto_apply_enabled ORDER BY id`
    ctx.log.info({ scrape_run_id: input.scrape_run_id, users: users.length }, 'apply: fanning out to users')
    return {
      output: { scrape_run_id: input.scrape_run_id, users: users.length },
      hops: users.map((u) => hop('apply', { scope: 'user', user_id: u.id, reason: `scrape-run:${input.scrape_run_id}` })),
    }
  },
})
