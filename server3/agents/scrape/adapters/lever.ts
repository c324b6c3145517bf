import { type Static, Type as T } from '@sinclair/typebox'
import { type CompanyBoard, companyName, createCompanyBoardsAdapter } from '../company-boards.ts'
import { parseJsonResponse } from '../parse-json-response.ts'
import type { JobSourceAdapter, ScrapedJob } from '../types.ts'

export const LEVER_DEFAULT_BASE_URL = 'https://api.lever.co'
const PAGE_SIZE = 100

/** `GET /v0/postings/{site}?mode=json` — the fields this adapter reads. */
const LeverPostings = T.Array(
  T.Object({
    id: T.String(),
    text: T.String(),
    hostedUrl: T.String(),
    /** epoch milliseconds */
    createdAt: T.Optional(T.Number()),
    categories: T.Optional(
      T.Object({
        location: T.Optional(T.String()),
        allLocations: T.Optional(T.Array(T.String())),
        commitment: T.Optional(T.String()),
        team: T.Optional(T.String()),
      }),
    ),
    workplaceType: T.Optional(T.String()),
    description: T.Optional(T.String()),
    descriptionPlain: T.Optional(T.String()),
    lists: T.Optional(T.Array(T.Object({ text: T.String(), content: T.String() }))),
    additional: T.Optional(T.String()),
    salaryRange: T.Optional(
      T.Object({
        currency: T.Optional(T.String()),
        interval: T.Optional(T.String()),
        min: T.Optional(T.Number()),
        max: T.Optional(T.Number()),
      }),
    ),
  }),
)
type LeverPosting = Static<typeof LeverPostings>[number]

/** Lever splits a posting into opening, lists (requirements, benefits…) and closing; the JD is all of it. */
function descriptionHtml(raw: LeverPosting): string {
  const lists = (raw.lists ?? []).map((list) => `<h3>${list.text}</h3><ul>${list.content}</ul>`)
  return [raw.description ?? raw.descriptionPlain ?? '', ...lists, raw.additional ?? ''].filter((part) => part !== '').join('\n')
}

function locationText(raw: LeverPosting): string | null {
  const locations = raw.categories?.allLocations?.length ? raw.categories.allLocations.join('; ') : raw.categories?.location
  if (!locations) return raw.workplaceType === 'remote' ? 'Remote' : null
  return raw.workplaceType === 'remote' && !/remote/i.test(locations) ? `${locations} (Remote)` : locations
}

function toJob(raw: LeverPosting, board: CompanyBoard): ScrapedJob {
  const job: ScrapedJob = {
    source: 'lever',
    external_id: raw.id,
    url: raw.hostedUrl,
    title: raw.text.trim(),
    company: companyName(board),
    location_text: locationText(raw),
    raw_jd: descriptionHtml(raw),
    posted_at: raw.createdAt !== undefined ? new Date(raw.createdAt) : null,
  }
  const salary = raw.salaryRange
  if (salary && (salary.min !== undefined || salary.max !== undefined)) {
    const amounts = [...new Set([salary.min, salary.max].filter((n) => n !== undefined))]
    job.salary_text = `${salary.currency ?? ''} ${amounts.join('–')} ${salary.interval ?? ''}`.trim()
  }
  return job
}

export function createLeverAdapter(opts: { baseUrl: string; boards: CompanyBoard[]; maxPagesPerBoard?: number }): JobSourceAdapter {
  const maxPages = opts.maxPagesPerBoard ?? 10
  return createCompanyBoardsAdapter('lever', opts.boards, async (board, ctx) => {
    const jobs: ScrapedJob[] = []
    for (let pageNo = 0; pageNo < maxPages; pageNo++) {
      const url = new URL(`/v0/postings/${encodeURIComponent(board.board)}`, opts.baseUrl)
      url.searchParams.set('mode', 'json')
      url.searchParams.set('skip', String(pageNo * PAGE_SIZE))
      url.searchParams.set('limit', String(PAGE_SIZE))
      const postings = parseJsonResponse(await ctx.request(url, { headers: { accept: 'application/json' } }), LeverPostings)
      jobs.push(...postings.map((raw) => toJob(raw, board)))
      if (postings.length < PAGE_SIZE) break
    }
    return jobs
  })
}
