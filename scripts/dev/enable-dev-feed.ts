import { CliError } from '#shared/cli/cli-error.ts'
import { isLocalDatabase } from '#shared/config/index.ts'
import type { Sql } from '#shared/db/create-sql.ts'
import { type FiredSchedule, fireScheduleNow } from '#shared/schedules/fire-schedule-now.ts'
import { DEV_SOURCE_PREFIX } from '../../server3/agents/scrape/dev-feed-sources.ts'
import { FEED_ROLES } from '../fixtures/job-boards/indian-postings.ts'
import type { DevJobFeed } from './job-feed.ts'

export const DEV_SOURCE_IDS = ['dev-greenhouse', 'dev-lever', 'dev-ashby']

/**
 * The scrape searches what users want (their target roles), and a fresh dev database has no users
 * yet: this one stands for everyone else, searching every role of the local feed nationwide, so
 * the first scrape brings in the whole market. It has no resume, so nothing is scored, coached or
 * applied for it.
 */
export const DEV_MARKET_USER_ID = '00000000-0000-4000-8000-0000000de500'

/**
 * The feed writes enabled job sources pointing at this machine, and a market searcher, into the
 * database: only a development database on this machine may get them. Refused, in one line, before
 * anything is started or written.
 */
export function refuseDevFeedOutside(databaseUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production') {
    throw new CliError('the local job feed is for development and NODE_ENV is production: run bun run dev --no-feed, or unset NODE_ENV')
  }
  if (databaseUrl && !isLocalDatabase(databaseUrl)) {
    throw new CliError(
      "--feed writes job sources pointing at this machine into DATABASE_URL's database, which is not on this machine: every server using it would scrape them; use a local database, or drop --feed",
    )
  }
}

/**
 * Points the dev database at the local feed (job_sources rows `dev-*`, enabled, at this run's
 * ports) and, when the feed has never been scraped, fires the scrape schedule now rather than
 * waiting for 20:00 IST. Returns the fired trigger, or null when the feed was scraped before.
 */
export async function enableDevFeed(sql: Sql, feed: DevJobFeed): Promise<FiredSchedule | null> {
  await sql.begin(async (tx) => {
    for (const source of feed.sources) {
      await tx`
        INSERT INTO job_sources (id, kind, base_url, enabled, config)
        VALUES (${source.id}, ${source.kind}, ${source.base_url}, TRUE, ${tx.json(source.config)})
        ON CONFLICT (id) DO UPDATE SET base_url = EXCLUDED.base_url, enabled = TRUE, config = EXCLUDED.config`
    }
    await tx`
      INSERT INTO users (id, full_name, target_roles)
      VALUES (${DEV_MARKET_USER_ID}, 'Dev job market (searches every role of the local feed)', ${FEED_ROLES})
      ON CONFLICT (id) DO UPDATE SET target_roles = EXCLUDED.target_roles`
  })
  const [state] = await sql<{ scraped: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM scrape_runs WHERE source_stats ?| ${DEV_SOURCE_IDS}::text[])
        OR EXISTS (SELECT 1 FROM cron_triggers WHERE schedule = 'scrape' AND status = 'pending') AS scraped`
  return state?.scraped ? null : fireScheduleNow(sql, 'scrape')
}

/**
 * Switches the feed off in this database: its rows point at ports that die with the run that
 * wrote them, and the market searcher would widen every scrape of the real sources. `bun run dev`
 * does it when it stops, and again at a start without the feed (after a run killed before it could).
 */
export async function disableDevFeed(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`UPDATE job_sources SET enabled = FALSE WHERE starts_with(id, ${DEV_SOURCE_PREFIX}) AND enabled`
    await tx`UPDATE users SET target_roles = '{}' WHERE id = ${DEV_MARKET_USER_ID} AND cardinality(target_roles) > 0`
  })
}
