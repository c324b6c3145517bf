import { type Static, type TSchema, Type as T } from '@sinclair/typebox'
import { type CompanyBoard, companyName, createCompanyBoardsAdapter } from '../company-boards.ts'
import { parseJsonResponse } from '../parse-json-response.ts'
import type { JobSourceAdapter, ScrapedJob } from '../types.ts'

export const ASHBY_DEFAULT_BASE_URL = 'https://api.ashbyhq.com'

const Nullable = <S extends TSchema>(schema: S) => T.Optional(T.Union([schema, T.Null()]))

/** `GET /posting-api/job-board/{board}?includeCompensation=true` — the fields this adapter reads. */
const AshbyJobBoard = T.Object({
  jobs: T.Array(
    T.Object({
      id: T.String(),
      title: T.String(),
      location: Nullable(T.String()),
      secondaryLocations: Nullable(T.Array(T.Object({ location: T.String() }))),
      isRemote: Nullable(T.Boolean()),
      isListed: Nullable(T.Boolean()),
      publishedAt: Nullable(T.String()),
      jobUrl: T.String(),
      descriptionHtml: Nullable(T.String()),
      descriptionPlain: Nullable(T.String()),
      compensation: Nullable(
        T.Object({
          compensationTierSummary: Nullable(T.String()),
          scrapeableCompensationSalarySummary: Nullable(T.String()),
        }),
      ),
    }),
  ),
})
type AshbyJob = Static<typeof AshbyJobBoard>['jobs'][number]

function locationText(raw: AshbyJob): string | null {
  const names = [raw.location, ...(raw.secondaryLocations ?? []).map((l) => l.location)].filter((name): name is string => !!name)
  const joined = [...new Set(names)].join('; ')
  if (raw.isRemote && !/remote/i.test(joined)) return joined ? `${joined} (Remote)` : 'Remote'
  return joined || null
}

function toJob(raw: AshbyJob, board: CompanyBoard): ScrapedJob {
  const posted = raw.publishedAt ? new Date(raw.publishedAt) : null
  const job: ScrapedJob = {
    source: 'ashby',
    external_id: raw.id,
    url: raw.jobUrl,
    title: raw.title.trim(),
    company: companyName(board),
    location_text: locationText(raw),
    raw_jd: raw.descriptionHtml ?? raw.descriptionPlain ?? '',
    posted_at: posted && !Number.isNaN(posted.getTime()) ? posted : null,
  }
  const salary = raw.compensation?.scrapeableCompensationSalarySummary ?? raw.compensation?.compensationTierSummary
  if (salary) job.salary_text = salary
  return job
}

export function createAshbyAdapter(opts: { baseUrl: string; boards: CompanyBoard[] }): JobSourceAdapter {
  return createCompanyBoardsAdapter('ashby', opts.boards, async (board, ctx) => {
    const url = new URL(`/posting-api/job-board/${encodeURIComponent(board.board)}`, opts.baseUrl)
    url.searchParams.set('includeCompensation', 'true')
    const data = parseJsonResponse(await ctx.request(url, { headers: { accept: 'application/json' } }), AshbyJobBoard)
    // Unlisted postings are reachable by link only; the company did not advertise them.
    return data.jobs.filter((raw) => raw.isListed !== false).map((raw) => toJob(raw, board))
  })
}
