import type { AgentServerDeps } from '#shared/agents/agent-server-deps.ts'
import type { BackgroundTask } from '#shared/boot/background-task.ts'
import { flagPoller } from '#shared/pollers/flag-poller.ts'
import { claimStaleFitScoreUsers } from './pollers/claim-stale-fit-score-users.ts'
import { claimUncleanedScrapeRuns } from './pollers/claim-uncleaned-scrape-runs.ts'
import { claimUnscoredScrapeRuns } from './pollers/claim-unscored-scrape-runs.ts'

/** Server 2's DB-flag pollers: the safety net behind every chain that ends here. */
export function server2Background(deps: AgentServerDeps): BackgroundTask[] {
  return [
    flagPoller(deps, 'poll:fit_scores_stale', claimStaleFitScoreUsers),
    flagPoller(deps, 'poll:jd_cleaned', claimUncleanedScrapeRuns),
    flagPoller(deps, 'poll:scoring_complete', claimUnscoredScrapeRuns),
  ]
}
