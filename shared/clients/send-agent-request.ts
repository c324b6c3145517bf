import type { AgentInput, AgentName } from '../agents/agent-contracts.ts'
import type { InternalClients } from './internal-clients.ts'

type EdenResult = Promise<{ status: number; error: unknown }>

/**
 * One typed Eden call per agent endpoint. This table is where a changed body schema on the
 * receiving server breaks the sender at `tsc` time.
 */
export const sendAgentRequest: { [N in AgentName]: (clients: InternalClients, input: AgentInput<N>) => EdenResult } = {
  'resume-parse': (c, input) => c.server2.api.agents['resume-parse'].post(input),
  'jd-clean': (c, input) => c.server2.api.agents['jd-clean'].post(input),
  'fit-score': (c, input) => c.server2.api.agents['fit-score'].post(input),
  'skill-gap': (c, input) => c.server2.api.agents['skill-gap'].post(input),
  'career-intel': (c, input) => c.server2.api.agents['career-intel'].post(input),
  coach: (c, input) => c.server2.api.agents.coach.post(input),
  'resume-tailor': (c, input) => c.server2.api.agents['resume-tailor'].post(input),
  'cover-letter': (c, input) => c.server2.api.agents['cover-letter'].post(input),
  scrape: (c, input) => c.server3.api.agents.scrape.post(input),
  'session-health': (c, input) => c.server3.api.agents['session-health'].post(input),
  'calibrate-daily': (c, input) => c.server3.api.agents.calibrate.daily.post(input),
  'calibrate-weekly': (c, input) => c.server3.api.agents.calibrate.weekly.post(input),
  apply: (c, input) => c.server3.api.agents.apply.post(input),
  retention: (c, input) => c.server3.api.agents.retention.post(input),
}
