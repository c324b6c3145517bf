import type { AgentImplementation } from '#shared/agents/agent-implementation.ts'
import { careerIntelAgent } from './career-intel/career-intel-agent.ts'
import { coachAgent } from './coach/coach-agent.ts'
import { coverLetterAgent } from './cover-letter/cover-letter-agent.ts'
import { fitScoreAgent } from './fit-score/fit-score-agent.ts'
import { jdCleanAgent } from './jd-clean/jd-clean-agent.ts'
import { resumeParseAgent } from './resume-parse/resume-parse-agent.ts'
import { resumeTailorAgent } from './resume-tailor/resume-tailor-agent.ts'
import { skillGapAgent } from './skill-gap/skill-gap-agent.ts'

export const server2Agents = [
  resumeParseAgent,
  jdCleanAgent,
  fitScoreAgent,
  skillGapAgent,
  careerIntelAgent,
  coachAgent,
  resumeTailorAgent,
  coverLetterAgent,
] as AgentImplementation[]
