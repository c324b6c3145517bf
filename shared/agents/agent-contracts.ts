import { type Static, type TSchema, Type as T } from '@sinclair/typebox'

const Uuid = T.String({ format: 'uuid' })
const Id = T.Integer({ minimum: 1 })
/** Why a scheduled or operator-started run happened, e.g. "cron:42" or "manual:<uuid>"; part of its idempotency key. */
const Trigger = T.String({ minLength: 1, maxLength: 120, pattern: '^[a-z_-]+:[A-Za-z0-9:_.-]+$' })
const Reason = T.String({ minLength: 1, maxLength: 120, pattern: '^[a-z_-]+:[A-Za-z0-9:_.-]+$' })

export type ServerName = 'server1' | 'server2' | 'server3'

export interface AgentContract<S extends TSchema = TSchema> {
  name: string
  server: ServerName
  path: string
  input: S
  /** Same input, same key: the key is what makes a duplicate POST return the existing run. */
  key: (input: Static<S>) => string
  maxAttempts: number
}

function contract<S extends TSchema>(c: AgentContract<S>): AgentContract<S> {
  return c
}

export const ResumeParseInput = T.Object({ resume_id: Uuid })
export const JdCleanInput = T.Object({ scrape_run_id: Id })
export const FitScoreInput = T.Union([
  T.Object({ mode: T.Literal('delta'), scrape_run_id: Id }),
  T.Object({ mode: T.Literal('full_scan'), user_id: Uuid, reason: Reason }),
])
export const UserInsightInput = T.Object({ user_id: Uuid, reason: Reason })
export const CoachInput = T.Object({ trigger: Trigger, user_id: T.Optional(Uuid) })
export const ApplicationInput = T.Object({ application_id: Id })
export const TriggerInput = T.Object({ trigger: Trigger })
export const ApplyInput = T.Union([
  T.Object({ scope: T.Literal('scrape_run'), scrape_run_id: Id }),
  T.Object({ scope: T.Literal('user'), user_id: Uuid, reason: Reason }),
  T.Object({ scope: T.Literal('application'), application_id: Id, reason: Reason }),
])

/** Every agent endpoint in the design: who owns it, its URL, its input and its idempotency key. */
export const agents = {
  'resume-parse': contract({
    name: 'resume-parse', server: 'server2', path: '/api/agents/resume-parse', input: ResumeParseInput,
    key: (i) => `resume-parse:${i.resume_id}`, maxAttempts: 3,
  }),
  'jd-clean': contract({
    name: 'jd-clean', server: 'server2', path: '/api/agents/jd-clean', input: JdCleanInput,
    key: (i) => `jd-clean:${i.scrape_run_id}`, maxAttempts: 5,
  }),
  'fit-score': contract({
    name: 'fit-score', server: 'server2', path: '/api/agents/fit-score', input: FitScoreInput,
    key: (i) => (i.mode === 'delta' ? `fit-score:delta:${i.scrape_run_id}` : `fit-score:full:${i.user_id}:${i.reason}`),
    maxAttempts: 5,
  }),
  'skill-gap': contract({
    name: 'skill-gap', server: 'server2', path: '/api/agents/skill-gap', input: UserInsightInput,
    key: (i) => `skill-gap:${i.user_id}:${i.reason}`, maxAttempts: 5,
  }),
  'career-intel': contract({
    name: 'career-intel', server: 'server2', path: '/api/agents/career-intel', input: UserInsightInput,
    key: (i) => `career-intel:${i.user_id}:${i.reason}`, maxAttempts: 5,
  }),
  coach: contract({
    name: 'coach', server: 'server2', path: '/api/agents/coach', input: CoachInput,
    key: (i) => `coach:${i.trigger}${i.user_id ? `:${i.user_id}` : ''}`, maxAttempts: 3,
  }),
  'resume-tailor': contract({
    name: 'resume-tailor', server: 'server2', path: '/api/agents/resume-tailor', input: ApplicationInput,
    key: (i) => `resume-tailor:${i.application_id}`, maxAttempts: 3,
  }),
  'cover-letter': contract({
    name: 'cover-letter', server: 'server2', path: '/api/agents/cover-letter', input: ApplicationInput,
    key: (i) => `cover-letter:${i.application_id}`, maxAttempts: 3,
  }),
  scrape: contract({
    name: 'scrape', server: 'server3', path: '/api/agents/scrape', input: TriggerInput,
    key: (i) => `scrape:${i.trigger}`, maxAttempts: 3,
  }),
  'session-health': contract({
    name: 'session-health', server: 'server3', path: '/api/agents/session-health', input: TriggerInput,
    key: (i) => `session-health:${i.trigger}`, maxAttempts: 3,
  }),
  'calibrate-daily': contract({
    name: 'calibrate-daily', server: 'server3', path: '/api/agents/calibrate/daily', input: TriggerInput,
    key: (i) => `calibrate-daily:${i.trigger}`, maxAttempts: 3,
  }),
  'calibrate-weekly': contract({
    name: 'calibrate-weekly', server: 'server3', path: '/api/agents/calibrate/weekly', input: TriggerInput,
    key: (i) => `calibrate-weekly:${i.trigger}`, maxAttempts: 3,
  }),
  retention: contract({
    name: 'retention', server: 'server3', path: '/api/agents/retention', input: TriggerInput,
    key: (i) => `retention:${i.trigger}`, maxAttempts: 3,
  }),
  apply: contract({
    name: 'apply', server: 'server3', path: '/api/agents/apply', input: ApplyInput,
    key: (i) =>
      i.scope === 'scrape_run'
        ? `apply:scrape-run:${i.scrape_run_id}`
        : i.scope === 'user'
          ? `apply:user:${i.user_id}:${i.reason}`
          : `apply:application:${i.application_id}:${i.reason}`,
    maxAttempts: 5,
  }),
}

export type Agents = typeof agents
export type AgentName = keyof Agents
export type AgentInput<N extends AgentName> = Static<Agents[N]['input']>

export const RunAccepted = T.Object({
  run_id: Uuid,
  status: T.Union([T.Literal('pending'), T.Literal('running'), T.Literal('succeeded'), T.Literal('failed')]),
  duplicate: T.Boolean({ description: 'true when the idempotency key had already been seen' }),
})
export type RunAccepted = Static<typeof RunAccepted>
