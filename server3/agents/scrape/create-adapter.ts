import { type Static, Type as T } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { createAshbyAdapter } from './adapters/ashby.ts'
import { createGreenhouseAdapter } from './adapters/greenhouse.ts'
import { createIndeedAdapter } from './adapters/indeed.ts'
import { createLeverAdapter } from './adapters/lever.ts'
import { createLinkedinAdapter } from './adapters/linkedin.ts'
import { createNaukriAdapter } from './adapters/naukri.ts'
import type { CompanyBoard } from './company-boards.ts'
import type { JobSourceAdapter, SourceKind } from './types.ts'

/** A `job_sources` row, as the scrape agent reads it. */
export interface JobSourceRow {
  id: string
  kind: SourceKind
  base_url: string
  enabled: boolean
  config: unknown
}

const PlatformConfig = T.Object({
  maxPagesPerQuery: T.Optional(T.Integer({ minimum: 1 })),
  /** overrides the run's per-source cap for this source */
  maxJobs: T.Optional(T.Integer({ minimum: 0 })),
  /** public site for job links, when base_url points elsewhere (a proxy, a fixture) */
  siteUrl: T.Optional(T.String()),
  /** indeed only: the `indeed-api-key` header */
  apiKey: T.Optional(T.String()),
})

const BoardsConfig = T.Object({
  boards: T.Array(T.Union([T.String({ minLength: 1 }), T.Object({ board: T.String({ minLength: 1 }), company: T.Optional(T.String()) })]), {
    minItems: 1,
  }),
  maxJobs: T.Optional(T.Integer({ minimum: 0 })),
})

/** The per-kind shape of `job_sources.config`, checked before a run so a typo names the field. */
export const SOURCE_CONFIG_SCHEMAS = {
  naukri: PlatformConfig,
  indeed: PlatformConfig,
  linkedin: PlatformConfig,
  greenhouse: BoardsConfig,
  lever: BoardsConfig,
  ashby: BoardsConfig,
} as const

function checked<K extends SourceKind>(row: JobSourceRow & { kind: K }): Static<(typeof SOURCE_CONFIG_SCHEMAS)[K]> {
  const schema = SOURCE_CONFIG_SCHEMAS[row.kind]
  const config = row.config ?? {}
  const first = Value.Errors(schema, config).First()
  if (first) throw new Error(`job_sources ${row.id}: config ${first.path || '/'}: ${first.message}`)
  return config as Static<(typeof SOURCE_CONFIG_SCHEMAS)[K]>
}

function boardsOf(config: Static<typeof BoardsConfig>): CompanyBoard[] {
  return config.boards.map((entry) => (typeof entry === 'string' ? { board: entry } : entry))
}

/** The per-source cap from config, if the row sets one. */
export function configuredMaxJobs(row: JobSourceRow): number | undefined {
  const maxJobs = (row.config as { maxJobs?: unknown } | null)?.maxJobs
  return typeof maxJobs === 'number' ? maxJobs : undefined
}

/** Builds the adapter for one `job_sources` row; throws naming the row when its config is invalid. */
export function createAdapter(row: JobSourceRow): JobSourceAdapter {
  const baseUrl = row.base_url
  switch (row.kind) {
    case 'naukri': {
      const config = checked({ ...row, kind: 'naukri' })
      return createNaukriAdapter({ baseUrl, siteUrl: config.siteUrl, maxPagesPerQuery: config.maxPagesPerQuery })
    }
    case 'indeed': {
      const config = checked({ ...row, kind: 'indeed' })
      return createIndeedAdapter({ baseUrl, siteUrl: config.siteUrl, apiKey: config.apiKey, maxPagesPerQuery: config.maxPagesPerQuery })
    }
    case 'linkedin': {
      const config = checked({ ...row, kind: 'linkedin' })
      return createLinkedinAdapter({ baseUrl, maxPagesPerQuery: config.maxPagesPerQuery })
    }
    case 'greenhouse':
      return createGreenhouseAdapter({ baseUrl, boards: boardsOf(checked({ ...row, kind: 'greenhouse' })) })
    case 'lever':
      return createLeverAdapter({ baseUrl, boards: boardsOf(checked({ ...row, kind: 'lever' })) })
    case 'ashby':
      return createAshbyAdapter({ baseUrl, boards: boardsOf(checked({ ...row, kind: 'ashby' })) })
  }
}
