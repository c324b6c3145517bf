import type { Config } from '#shared/config/index.ts'
import type { JobSourceRow } from './create-adapter.ts'

/** `bun run dev`'s local job feed writes its job_sources rows under ids with this prefix; nothing else does. */
export const DEV_SOURCE_PREFIX = 'dev-'

/**
 * Whether this server may scrape a source. A dev source points at board servers on the machine
 * that ran `bun run dev`, at ports that die with it. That run writes a fresh random token into
 * its rows (`config.dev_feed_token`) and hands the same token to the servers it starts
 * (DEV_FEED_TOKEN): only those scrape the rows. Any other server on the same database — a
 * production one above all — skips them, whatever `enabled` says, and one with NODE_ENV=production
 * skips them even holding a token.
 */
export function mayScrape(source: Pick<JobSourceRow, 'id' | 'config'>, config: Pick<Config, 'NODE_ENV' | 'DEV_FEED_TOKEN'>): boolean {
  if (!source.id.startsWith(DEV_SOURCE_PREFIX)) return true
  if (config.NODE_ENV === 'production' || !config.DEV_FEED_TOKEN) return false
  return (source.config as { dev_feed_token?: unknown } | null)?.dev_feed_token === config.DEV_FEED_TOKEN
}
