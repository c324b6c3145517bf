import type { AgentImplementation } from '#shared/agents/agent-implementation.ts'
import { applyAgent } from './apply/apply-agent.ts'
import { calibrateDailyAgent } from './calibration/calibrate-daily-agent.ts'
import { calibrateWeeklyAgent } from './calibration/calibrate-weekly-agent.ts'
import { retentionAgent } from './retention/retention-agent.ts'
import { scrapeAgent } from './scrape/scrape-agent.ts'
import { sessionHealthAgent } from './session-health/session-health-agent.ts'

export const server3Agents = [
  scrapeAgent,
  sessionHealthAgent,
  calibrateDailyAgent,
  calibrateWeeklyAgent,
  applyAgent,
  retentionAgent,
] as AgentImplementation[]
