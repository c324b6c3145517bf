import type postgres from 'postgres'
import { type PortalFixture, startPortalFixture } from '../fixtures/portal-fixture.ts'
import { type FixtureJob, generateFixtureJobs, slugify } from '../fixtures/job-boards/fixture-jobs.ts'
import {
  type FixtureServer,
  startGreenhouseFixture,
  startIndeedFixture,
  startLinkedinFixture,
  startNaukriFixture,
} from '../fixtures/job-boards/index.ts'
import { type SmtpFixture, startSmtpFixture } from '../fixtures/smtp-fixture.ts'

export interface JobBoards {
  /** the M postings served, each on one or two boards */
  served: number
  portal: PortalFixture
  smtp: SmtpFixture
  /** what the probe settings and job_sources rows point at */
  probeUrls: string
  stop(): Promise<void>
}

/**
 * Most postings say where to mail a CV (Agent 12 applies by email through the SMTP fixture); a
 * share of Naukri's do not, and are applied to in the browser on the portal fixture with the
 * user's Naukri login.
 */
function withApplyEmail(job: FixtureJob): FixtureJob {
  const address = `careers+${job.index}@${slugify(job.company)}.example.in`
  return { ...job, descriptionHtml: `${job.descriptionHtml}\n<p>Interested candidates can send their CV to ${address}</p>` }
}

/**
 * The evening's job market on local servers: Naukri (40 %, links to the portal), LinkedIn (30 %),
 * Indeed (20 %) and Greenhouse company boards (10 %); every 20th Naukri posting is cross-listed on
 * LinkedIn, so the scrape has real duplicates to link. Pacing is zero (set in the servers' env).
 */
export async function startJobBoards(sql: postgres.Sql, opts: { jobs: number; seed: string; roles: string[]; cities: string[] }): Promise<JobBoards> {
  const all = generateFixtureJobs({ count: opts.jobs, seed: opts.seed, roles: opts.roles, cities: opts.cities })
  const naukri: FixtureJob[] = []
  const linkedin: FixtureJob[] = []
  const indeed: FixtureJob[] = []
  const boards: Record<string, FixtureJob[]> = {}
  for (const job of all) {
    const lane = job.index % 10
    if (lane < 4) {
      const posted = job.index % 5 === 0 ? job : withApplyEmail(job)
      naukri.push(posted)
      if (job.index % 20 === 0) linkedin.push(withApplyEmail(job))
    } else if (lane < 7) linkedin.push(withApplyEmail(job))
    else if (lane < 9) indeed.push(withApplyEmail(job))
    else (boards[slugify(job.company)] ??= []).push(withApplyEmail(job))
  }
  const portal = startPortalFixture()
  const smtp = await startSmtpFixture()
  const servers: FixtureServer[] = [
    startNaukriFixture({ jobs: naukri, seed: opts.seed }),
    startLinkedinFixture({ jobs: linkedin, seed: opts.seed }),
    startIndeedFixture({ jobs: indeed, seed: opts.seed }),
    startGreenhouseFixture({ boards, seed: opts.seed }),
  ]
  const [naukriServer, linkedinServer, indeedServer, greenhouseServer] = servers as [FixtureServer, FixtureServer, FixtureServer, FixtureServer]
  const platform = { maxPagesPerQuery: 1000, maxJobs: opts.jobs }
  await sql`UPDATE job_sources SET enabled = FALSE`
  await sql`
    INSERT INTO job_sources (id, kind, base_url, enabled, config) VALUES
      ('sim-naukri', 'naukri', ${naukriServer.url}, TRUE, ${sql.json({ ...platform, siteUrl: portal.url })}),
      ('sim-linkedin', 'linkedin', ${linkedinServer.url}, TRUE, ${sql.json(platform)}),
      ('sim-indeed', 'indeed', ${indeedServer.url}, TRUE, ${sql.json(platform)}),
      ('sim-greenhouse', 'greenhouse', ${greenhouseServer.url}, TRUE,
       ${sql.json({ boards: Object.keys(boards).map((board) => ({ board, company: boards[board]?.[0]?.company ?? board })), maxJobs: opts.jobs })})`
  return {
    served: all.length,
    portal,
    smtp,
    probeUrls: ['linkedin', 'naukri', 'indeed'].map((p) => `${p}=${portal.url}`).join(','),
    async stop() {
      await Promise.all(servers.map((s) => s.stop()))
      await portal.stop()
      await smtp.stop()
    },
  }
}
