import { type Static, Type as T } from '@sinclair/typebox'
import { parse } from 'node-html-parser'
import { type CompanyBoard, companyName, createCompanyBoardsAdapter } from '../company-boards.ts'
import { parseJsonResponse } from '../parse-json-response.ts'
import type { JobSourceAdapter, ScrapedJob } from '../types.ts'

export const GREENHOUSE_DEFAULT_BASE_URL = 'https://boards-api.greenhouse.io'

/** `GET /v1/boards/{board}/jobs?content=true` — the fields this adapter reads. */
const GreenhouseJobsResponse = T.Object({
  jobs: T.Array(
    T.Object({
      id: T.Number(),
      title: T.String(),
      updated_at: T.String(),
      first_published: T.Optional(T.Union([T.String(), T.Null()])),
      company_name: T.Optional(T.Union([T.String(), T.Null()])),
      location: T.Optional(T.Union([T.Object({ name: T.Union([T.String(), T.Null()]) }), T.Null()])),
      absolute_url: T.String(),
      /** the description's HTML, itself HTML-escaped */
      content: T.Optional(T.String()),
    }),
  ),
})
type GreenhouseJob = Static<typeof GreenhouseJobsResponse>['jobs'][number]

function toDate(value: string): Date | null {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

function toJob(raw: GreenhouseJob, board: CompanyBoard): ScrapedJob {
  return {
    source: 'greenhouse',
    external_id: String(raw.id),
    url: raw.absolute_url,
    title: raw.title.trim(),
    company: raw.company_name?.trim() || companyName(board),
    location_text: raw.location?.name ?? null,
    // Unescaping once turns "&lt;p&gt;" into the posting's real HTML.
    raw_jd: raw.content ? parse(raw.content).text : '',
    // first_published is when it went live; older boards only carry updated_at.
    posted_at: toDate(raw.first_published ?? raw.updated_at),
  }
}

export function createGreenhouseAdapter(opts: { baseUrl: string; boards: CompanyBoard[] }): JobSourceAdapter {
  return createCompanyBoardsAdapter('greenhouse', opts.boards, async (board, ctx) => {
    const url = new URL(`/v1/boards/${encodeURIComponent(board.board)}/jobs`, opts.baseUrl)
    url.searchParams.set('content', 'true')
    const data = parseJsonResponse(await ctx.request(url, { headers: { accept: 'application/json' } }), GreenhouseJobsResponse)
    return data.jobs.map((raw) => toJob(raw, board))
  })
}
