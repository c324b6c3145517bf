import type { AgentServerDeps } from '#shared/agents/agent-server-deps.ts'
import type { BackgroundTask } from '#shared/boot/background-task.ts'
import { flagPoller } from '#shared/pollers/flag-poller.ts'
import { alertInvalidSessions } from './pollers/alert-invalid-sessions.ts'
import { claimReleasedQueuedApplies } from './pollers/claim-released-queued-applies.ts'

/** Server 3's DB-flag pollers. */
export function server3Background(deps: AgentServerDeps): BackgroundTask[] {
  return [
    flagPoller(deps, 'poll:auto_status_queued', claimReleasedQueuedApplies),
    flagPoller(deps, 'poll:is_valid', async (tx) => {
      await alertInvalidSessions(tx)
      return []
    }),
  ]
}
