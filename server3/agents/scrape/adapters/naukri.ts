import { type Static, Type as T } from '@sinclair/typebox'
import { parseJsonResponse } from '../parse-json-response.ts'
import type { FetchContext, JobSourceAdapter, ScrapedJob, SearchQuery } from '../types.ts'

export const NAUKRI_DEFAULT_BASE_URL = 'https://www.naukri.com'
const PAGE_SIZE = 20

/** The fields of `jobapi/v3/search` this adapter reads; the API returns many more. */
const NaukriSearchResponse = T.Object({
  noOfJobs: T.Optional(T.Number()),
  jobDetails: T.Array(
    T.Object({
      jobId: T.String(),
      title: T.String(),
      companyName: T.String(),
      jdURL: T.Optional(T.String()),
      jobDescription: T.Optional(T.String()),
      tagsAndSkills: T.Optional(T.String()),
      experienceText: T.Optional(T.String()),
      placeholders: T.Optional(T.Array(T.Object({ type: T.String(), label: T.String() }))),
      footerPlaceholderLabel: T.Optional(T.String()),
      createdDate: T.Optional(T.Number()),
    }),
  ),
})
type NaukriJob = Static<typeof NaukriSearchResponse>['jobDetails'][number]

export interface NaukriAdapterOptions {
  baseUrl: string
  /** where job pages live (jdURL is a path on the public site) */
  siteUrl?: string
  maxPagesPerQuery?: number
  /** Naukri's web client identifies itself with these; requests without them are refused */
  appId?: string
  systemId?: string
}

function slug(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '-')
}

/** "Just Now", "Today", "3 Days Ago", "30+ Days Ago" — the listing's age as shown to users. */
export function parseNaukriAge(label: string, now: Date): Date | null {
  const text = label.toLowerCase()
  if (/just now|today|few hours|hours? ago|minutes? ago/.test(text)) return now
  const days = /(\d+)\+?\s*days?\s*ago/.exec(text)
  if (days?.[1]) return new Date(now.getTime() - Number(days[1]) * 86_400_000)
  return null
}

export function createNaukriAdapter(opts: NaukriAdapterOptions): JobSourceAdapter {
  const siteUrl = opts.siteUrl ?? NAUKRI_DEFAULT_BASE_URL
  const maxPages = opts.maxPagesPerQuery ?? 5

  function searchUrl(query: SearchQuery, pageNo: number): URL {
    const url = new URL('/jobapi/v3/search', opts.baseUrl)
    const seoKey = query.city ? `${slug(query.role)}-jobs-in-${slug(query.city)}` : `${slug(query.role)}-jobs`
    const params: Record<string, string> = {
      noOfResults: String(PAGE_SIZE),
      urlType: query.city ? 'search_by_key_loc' : 'search_by_keyword',
      searchType: 'adv',
      keyword: query.role,
      k: query.role,
      pageNo: String(pageNo),
      seoKey,
      src: 'jobsearchDesk',
      latLong: '',
    }
    if (query.city) {
      params.location = query.city
      params.l = query.city
    }
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
    return url
  }

  function toJob(raw: NaukriJob, now: Date): ScrapedJob {
    const placeholder = (type: string) => raw.placeholders?.find((p) => p.type === type)?.label.trim()
    const salary = placeholder('salary')
    const skills = raw.tagsAndSkills
      ?.split(',')
      .map((skill) => skill.trim())
      .filter((skill) => skill !== '')
    const job: ScrapedJob = {
      source: 'naukri',
      external_id: raw.jobId,
      url: new URL(raw.jdURL ?? `/job-listings-${raw.jobId}`, siteUrl).toString(),
      title: raw.title.trim(),
      company: raw.companyName.trim(),
      location_text: placeholder('location') ?? null,
      raw_jd: raw.jobDescription ?? '',
      posted_at:
        raw.createdDate !== undefined
          ? new Date(raw.createdDate)
          : raw.footerPlaceholderLabel
            ? parseNaukriAge(raw.footerPlaceholderLabel, now)
            : null,
    }
    const experience = placeholder('experience') ?? raw.experienceText
    if (experience) job.experience_text = experience
    if (salary && !/not disclosed/i.test(salary)) job.salary_text = salary
    if (skills?.length) job.skills = skills
    return job
  }

  return {
    kind: 'naukri',
    paced: true,
    async *search(query: SearchQuery, ctx: FetchContext) {
      for (let pageNo = 1; pageNo <= maxPages; pageNo++) {
        await ctx.pace()
        const page = await ctx.request(searchUrl(query, pageNo), {
          headers: {
            accept: 'application/json',
            appid: opts.appId ?? '109',
            systemid: opts.systemId ?? 'Naukri',
            clientid: 'd3skt0p',
            referer: `${siteUrl}/${slug(query.role)}-jobs`,
          },
        })
        const data = parseJsonResponse(page, NaukriSearchResponse)
        if (data.jobDetails.length === 0) return
        const now = ctx.now()
        yield data.jobDetails.map((raw) => toJob(raw, now))
        const total = data.noOfJobs ?? 0
        if (pageNo * PAGE_SIZE >= total || data.jobDetails.length < PAGE_SIZE) return
      }
    },
  }
}
