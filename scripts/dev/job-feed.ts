import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FixtureJob } from '../fixtures/job-boards/fixture-jobs.ts'
import { type AtsKind, generateIndianPostings } from '../fixtures/job-boards/indian-postings.ts'
import { type FixtureServer, startAshbyFixture, startGreenhouseFixture, startLeverFixture } from '../fixtures/job-boards/index.ts'
import { startPortalFixture } from '../fixtures/portal-fixture.ts'
import { startSmtpFixture } from '../fixtures/smtp-fixture.ts'
import { DEV_SOURCE_PREFIX } from '../../server3/agents/scrape/dev-feed-sources.ts'
import { SESSION_PLATFORMS } from '../../server3/sessions/platform-profiles.ts'

const SEED = 'talvix-dev'
const POSTINGS = 360

/** The login the dev member pages accept: capture it as a platform session and session health finds it valid. */
export const DEV_MEMBER_COOKIE = { name: 'portal_session', value: 'talvix-dev-member' }

/** A job_sources row for one local board server (ids start with `dev-`; only bun run dev writes them). */
export interface DevSource {
  id: string
  kind: AtsKind
  base_url: string
  /** dev_feed_token: only servers given the same DEV_FEED_TOKEN scrape the row (server3/agents/scrape/dev-feed-sources.ts) */
  config: { boards: { board: string; company: string }[]; dev_feed_token: string }
}

export interface DevJobFeed {
  postings: number
  sources: DevSource[]
  /** what the servers need to scrape, apply and probe locally: the feed's token, the inbox, and member pages standing in for the platforms */
  env: { DEV_FEED_TOKEN: string; SMTP_URL: string; SESSION_PROBE_URLS: string }
  inboxDir: string
  stop(): Promise<void>
}

const START_BOARD: Record<AtsKind, (opts: { boards: Record<string, FixtureJob[]>; seed: string }) => FixtureServer> = {
  greenhouse: startGreenhouseFixture,
  lever: startLeverFixture,
  ashby: startAshbyFixture,
}

/**
 * `bun run dev`'s job market on this machine: a few hundred Indian postings on Greenhouse, Lever
 * and Ashby boards that answer exactly like the real public APIs (the scrape adapters read them
 * unchanged), an SMTP inbox that takes the email applies (each mail also written to `inboxDir` as
 * an .eml), and member pages where session health probes platform logins instead of the real sites.
 */
export async function startDevJobFeed(inboxDir: string, now = new Date()): Promise<DevJobFeed> {
  const postings = generateIndianPostings({ count: POSTINGS, seed: SEED, now })
  const byAts: Record<AtsKind, Record<string, FixtureJob[]>> = { greenhouse: {}, lever: {}, ashby: {} }
  const companies = new Map<string, string>()
  for (const posting of postings) {
    ;(byAts[posting.ats][posting.board] ??= []).push(posting)
    companies.set(posting.board, posting.company)
  }
  const servers = (Object.keys(START_BOARD) as AtsKind[]).map((kind) => ({
    kind,
    server: START_BOARD[kind]({ boards: byAts[kind], seed: SEED }),
  }))
  mkdirSync(inboxDir, { recursive: true })
  let received = 0
  const smtp = await startSmtpFixture({
    onMail: (mail) => writeFileSync(join(inboxDir, `${Date.now()}-${++received}-${mail.to.join(',')}.eml`), mail.raw),
  })
  const members = startPortalFixture({ cookie: DEV_MEMBER_COOKIE })
  const token = randomBytes(24).toString('base64url')
  return {
    postings: postings.length,
    sources: servers.map(({ kind, server }) => ({
      id: `${DEV_SOURCE_PREFIX}${kind}`,
      kind,
      base_url: server.url,
      config: { boards: Object.keys(byAts[kind]).map((board) => ({ board, company: companies.get(board) ?? board })), dev_feed_token: token },
    })),
    env: { DEV_FEED_TOKEN: token, SMTP_URL: smtp.url, SESSION_PROBE_URLS: SESSION_PLATFORMS.map((platform) => `${platform}=${members.url}`).join(',') },
    inboxDir,
    async stop() {
      await Promise.all(servers.map(({ server }) => server.stop()))
      await smtp.stop()
      await members.stop()
    },
  }
}
