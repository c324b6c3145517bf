import { type Static, Type as T } from '@sinclair/typebox'
import { parseJsonResponse } from '../parse-json-response.ts'
import { MalformedResponseError } from '../source-errors.ts'
import type { FetchContext, JobSourceAdapter, ScrapedJob, SearchQuery } from '../types.ts'

export const INDEED_DEFAULT_BASE_URL = 'https://apis.indeed.com'
const PAGE_SIZE = 25

const IndeedJob = T.Object({
  key: T.String(),
  title: T.String(),
  /** epoch milliseconds */
  datePublished: T.Optional(T.Union([T.Number(), T.Null()])),
  description: T.Optional(T.Union([T.Object({ html: T.Union([T.String(), T.Null()]) }), T.Null()])),
  location: T.Optional(
    T.Union([T.Object({ formatted: T.Optional(T.Union([T.Object({ long: T.Union([T.String(), T.Null()]) }), T.Null()])) }), T.Null()]),
  ),
  employer: T.Optional(T.Union([T.Object({ name: T.Union([T.String(), T.Null()]) }), T.Null()])),
  compensation: T.Optional(
    T.Union([
      T.Object({
        currencyCode: T.Optional(T.Union([T.String(), T.Null()])),
        baseSalary: T.Optional(
          T.Union([
            T.Object({
              unitOfWork: T.Optional(T.Union([T.String(), T.Null()])),
              range: T.Optional(
                T.Union([T.Object({ min: T.Optional(T.Union([T.Number(), T.Null()])), max: T.Optional(T.Union([T.Number(), T.Null()])) }), T.Null()]),
              ),
            }),
            T.Null(),
          ]),
        ),
      }),
      T.Null(),
    ]),
  ),
})
type IndeedJob = Static<typeof IndeedJob>

/** GraphQL answers 200 with `errors` when the query is rejected, so both halves are optional here. */
const IndeedSearchResponse = T.Object({
  errors: T.Optional(T.Array(T.Object({ message: T.String() }))),
  data: T.Optional(
    T.Union([
      T.Object({
        jobSearch: T.Object({
          pageInfo: T.Object({ nextCursor: T.Union([T.String(), T.Null()]) }),
          results: T.Array(T.Object({ job: IndeedJob })),
        }),
      }),
      T.Null(),
    ]),
  ),
})

export interface IndeedAdapterOptions {
  baseUrl: string
  /** where job pages live; the API host serves no pages */
  siteUrl?: string
  /** the `indeed-api-key` the mobile client sends; set from job_sources.config */
  apiKey?: string
  maxPagesPerQuery?: number
  radiusKm?: number
}

/** GraphQL string literals escape like JSON strings. */
function literal(value: string): string {
  return JSON.stringify(value)
}

export function buildIndeedQuery(query: SearchQuery, cursor: string | null, radiusKm: number): string {
  const args = [`what: ${literal(query.role)}`, `limit: ${PAGE_SIZE}`, 'sort: DATE']
  if (query.city) args.push(`location: {where: ${literal(query.city)}, radius: ${radiusKm}, radiusUnit: KILOMETERS}`)
  if (cursor) args.push(`cursor: ${literal(cursor)}`)
  return `query GetJobData {
  jobSearch(${args.join(', ')}) {
    pageInfo { nextCursor }
    results {
      job {
        key
        title
        datePublished
        description { html }
        location { formatted { long } }
        employer { name }
        compensation { currencyCode baseSalary { unitOfWork range { ... on Range { min max } } } }
      }
    }
  }
}`
}

/** "INR 600000–900000 per YEAR" from the structured range; JD cleaning parses it like any salary text. */
function salaryText(compensation: IndeedJob['compensation']): string | null {
  const range = compensation?.baseSalary?.range
  if (!range || (range.min == null && range.max == null)) return null
  const amounts = [range.min, range.max].filter((n): n is number => n != null)
  const unit = compensation?.baseSalary?.unitOfWork ? ` per ${compensation.baseSalary.unitOfWork}` : ''
  return `${compensation?.currencyCode ?? 'INR'} ${[...new Set(amounts)].join('–')}${unit}`
}

export function createIndeedAdapter(opts: IndeedAdapterOptions): JobSourceAdapter {
  const siteUrl = opts.siteUrl ?? 'https://in.indeed.com'
  const maxPages = opts.maxPagesPerQuery ?? 5
  const radiusKm = opts.radiusKm ?? 25

  function toJob(raw: IndeedJob): ScrapedJob {
    const url = new URL('/viewjob', siteUrl)
    url.searchParams.set('jk', raw.key)
    const job: ScrapedJob = {
      source: 'indeed',
      external_id: raw.key,
      url: url.toString(),
      title: raw.title.trim(),
      company: raw.employer?.name?.trim() || 'Unknown employer',
      location_text: raw.location?.formatted?.long ?? null,
      raw_jd: raw.description?.html ?? '',
      posted_at: typeof raw.datePublished === 'number' ? new Date(raw.datePublished) : null,
    }
    const salary = salaryText(raw.compensation)
    if (salary) job.salary_text = salary
    return job
  }

  return {
    kind: 'indeed',
    paced: true,
    async *search(query: SearchQuery, ctx: FetchContext) {
      let cursor: string | null = null
      for (let pageNo = 1; pageNo <= maxPages; pageNo++) {
        await ctx.pace()
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          accept: 'application/json',
          'indeed-co': 'IN',
          'indeed-locale': 'en-IN',
        }
        if (opts.apiKey) headers['indeed-api-key'] = opts.apiKey
        const page = await ctx.request(new URL('/graphql', opts.baseUrl), {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: buildIndeedQuery(query, cursor, radiusKm) }),
        })
        const data = parseJsonResponse(page, IndeedSearchResponse)
        if (data.errors?.length) {
          throw new MalformedResponseError(page.url, `GraphQL errors: ${data.errors.map((e) => e.message).join('; ')}`)
        }
        if (!data.data) throw new MalformedResponseError(page.url, 'GraphQL answer has no data')
        const { results, pageInfo } = data.data.jobSearch
        if (results.length === 0) return
        yield results.map((result) => toJob(result.job))
        if (!pageInfo.nextCursor) return
        cursor = pageInfo.nextCursor
      }
    },
  }
}
