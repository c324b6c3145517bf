import { type HTMLElement, parse } from 'node-html-parser'
import { MalformedResponseError, errorMessage } from '../source-errors.ts'
import type { FetchContext, FetchedPage, JobSourceAdapter, ScrapedJob, SearchQuery } from '../types.ts'

export const LINKEDIN_DEFAULT_BASE_URL = 'https://www.linkedin.com'
const JOB_URN_PREFIX = 'urn:li:jobPosting:'

export interface LinkedinAdapterOptions {
  baseUrl: string
  maxPagesPerQuery?: number
  /** this many description fetches failing in a row means the guest API is blocking us: stop the search */
  maxConsecutiveDetailFailures?: number
}

/** Guest pages are served to browsers; a bare client gets an auth wall sooner. */
const BROWSER_HEADERS = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'en-IN,en;q=0.9',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
}

type JobCard = Omit<ScrapedJob, 'raw_jd'>

function text(element: HTMLElement | null): string | null {
  const value = element?.text.replace(/\s+/g, ' ').trim()
  return value ? value : null
}

/**
 * The guest search answers a fragment of `<li>` job cards; an empty body means
 * no (more) results. A non-empty page without cards is an auth wall or a
 * markup change, never a valid "nothing found".
 */
export function parseLinkedinSearchPage(page: FetchedPage, siteUrl: string): JobCard[] {
  if (page.body.trim() === '') return []
  const cards = parse(page.body)
    .querySelectorAll('[data-entity-urn]')
    .filter((card) => card.getAttribute('data-entity-urn')?.startsWith(JOB_URN_PREFIX))
  if (cards.length === 0) {
    throw new MalformedResponseError(page.url, `no job cards (data-entity-urn) in a non-empty page: ${JSON.stringify(page.body.slice(0, 80))}`)
  }
  return cards.map((card) => {
    const id = card.getAttribute('data-entity-urn')?.slice(JOB_URN_PREFIX.length) ?? ''
    const title = text(card.querySelector('.base-search-card__title'))
    const company = text(card.querySelector('.base-search-card__subtitle'))
    if (!id || !title || !company) {
      throw new MalformedResponseError(page.url, `job card ${id || '(no id)'} lacks an id, title or company`)
    }
    const href = card.querySelector('a.base-card__full-link')?.getAttribute('href') ?? card.getAttribute('href')
    const url = href ? href.split('?')[0] ?? href : new URL(`/jobs/view/${id}`, siteUrl).toString()
    const listed = card.querySelector('time')?.getAttribute('datetime')
    const postedAt = listed ? new Date(`${listed}T00:00:00Z`) : null
    const job: JobCard = {
      source: 'linkedin',
      external_id: id,
      url,
      title,
      company,
      location_text: text(card.querySelector('.job-search-card__location')),
      posted_at: postedAt && !Number.isNaN(postedAt.getTime()) ? postedAt : null,
    }
    const salary = text(card.querySelector('.job-search-card__salary-info'))
    if (salary) job.salary_text = salary
    return job
  })
}

/** The posting page's description block, as HTML. */
export function parseLinkedinDescription(page: FetchedPage): { html: string; seniority: string | null } {
  const root = parse(page.body)
  const markup = root.querySelector('.show-more-less-html__markup')
  if (!markup) throw new MalformedResponseError(page.url, 'no description (show-more-less-html__markup) in the job posting page')
  let seniority: string | null = null
  for (const item of root.querySelectorAll('.description__job-criteria-item')) {
    if (/seniority/i.test(text(item.querySelector('.description__job-criteria-subheader')) ?? '')) {
      seniority = text(item.querySelector('.description__job-criteria-text'))
    }
  }
  return { html: markup.innerHTML.trim(), seniority }
}

export function createLinkedinAdapter(opts: LinkedinAdapterOptions): JobSourceAdapter {
  const maxPages = opts.maxPagesPerQuery ?? 4
  const maxDetailFailures = opts.maxConsecutiveDetailFailures ?? 3

  function searchUrl(query: SearchQuery, start: number): URL {
    const url = new URL('/jobs-guest/jobs/api/seeMoreJobPostings/search', opts.baseUrl)
    url.searchParams.set('keywords', query.role)
    url.searchParams.set('location', query.city ?? 'India')
    url.searchParams.set('start', String(start))
    return url
  }

  return {
    kind: 'linkedin',
    paced: true,
    async *search(query: SearchQuery, ctx: FetchContext) {
      let start = 0
      let detailFailures = 0
      for (let pageNo = 1; pageNo <= maxPages; pageNo++) {
        await ctx.pace()
        const cards = parseLinkedinSearchPage(await ctx.request(searchUrl(query, start), { headers: BROWSER_HEADERS }), opts.baseUrl)
        if (cards.length === 0) return
        const jobs: ScrapedJob[] = []
        for (const card of cards) {
          // Each description is its own request to the same guest API, so it is paced like a page.
          await ctx.pace()
          try {
            const page = await ctx.request(new URL(`/jobs-guest/jobs/api/jobPosting/${card.external_id}`, opts.baseUrl), {
              headers: BROWSER_HEADERS,
            })
            const description = parseLinkedinDescription(page)
            const job: ScrapedJob = { ...card, raw_jd: description.html }
            if (description.seniority) job.experience_text = description.seniority
            jobs.push(job)
            detailFailures = 0
          } catch (error) {
            detailFailures++
            ctx.reportError(`job ${card.external_id} description skipped: ${errorMessage(error)}`)
            if (detailFailures >= maxDetailFailures) {
              if (jobs.length > 0) yield jobs
              throw new Error(`${detailFailures} job descriptions in a row failed; stopping this search`, { cause: error })
            }
          }
        }
        if (jobs.length > 0) yield jobs
        start += cards.length
      }
    },
  }
}
