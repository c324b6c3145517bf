import type { AgentName } from '../agents/agent-contracts.ts'

export interface TimedSchedule {
  name: string
  /** cron in India Standard Time, as the design states it */
  ist: string
  agent: AgentName
  description: string
}

export interface ChainedSchedule {
  name: string
  after: string
  agent: AgentName
  description: string
}

/**
 * The design's seven schedules, and the retention sweep, in one place. Timed ones fire through pg_cron (converted to UTC)
 * or the in-process scheduler; chained ones run when the previous agent's hop lands, with the
 * DB-flag pollers as their safety net.
 */
export const TIMED_SCHEDULES: TimedSchedule[] = [
  { name: 'session-health', ist: '30 19 * * *', agent: 'session-health', description: 'check stored platform sessions' },
  { name: 'scrape', ist: '0 20 * * *', agent: 'scrape', description: 'scrape every enabled job source' },
  { name: 'calibrate-daily', ist: '0 5 * * *', agent: 'calibrate-daily', description: 'Layer 2 per-user calibration' },
  { name: 'coach', ist: '0 7 * * *', agent: 'coach', description: 'daily coaching message' },
  {
    name: 'calibrate-weekly',
    ist: '0 0 * * 1',
    agent: 'calibrate-weekly',
    description: 'weekly reset + Layer 3 calibration (Sunday midnight: 00:00 Monday IST)',
  },
  { name: 'retention', ist: '30 3 * * *', agent: 'retention', description: 'delete rows past their retention window' },
]

export const CHAINED_SCHEDULES: ChainedSchedule[] = [
  { name: 'jd-clean', after: 'scrape', agent: 'jd-clean', description: 'clean the scrape run\'s JDs' },
  { name: 'fit-score', after: 'jd-clean', agent: 'fit-score', description: 'delta fit scoring of the new jobs' },
]
