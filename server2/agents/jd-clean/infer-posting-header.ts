import { parse } from 'node-html-parser'
import { looksLikeHtml, toPlainText } from './to-plain-text.ts'

export interface PostingHeader {
  title: string | null
  company: string | null
  location_text: string | null
}

/**
 * Title, company and location of a saved posting, for the operator CLI when
 * they are not given as flags. Board pages carry schema.org JobPosting
 * JSON-LD (LinkedIn, Naukri, Indeed, Greenhouse all do), which is exact;
 * otherwise the first heading and a company element, or for plain text the
 * first line and a "Company:" line or a short second line.
 */
export function inferPostingHeader(raw: string): PostingHeader {
  if (looksLikeHtml(raw)) {
    const root = parse(raw)
    for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
      const fromLd = headerFromJsonLd(script.rawText)
      if (fromLd) return fromLd
    }
    const company = root.querySelector('[itemprop="hiringOrganization"], [class*="company"], [class*="employer"]')
    return {
      title: clean(root.querySelector('h1')?.text) ?? clean(root.querySelector('title')?.text),
      company: clean(company?.text),
      location_text: clean(root.querySelector('[itemprop="jobLocation"], [class*="location"]')?.text),
    }
  }
  return headerFromText(toPlainText(raw))
}

const COMPANY_LABEL = /^(?:company|organi[sz]ation|employer|client|hiring company)\s*[:\-–]\s*(.+)$/im
const LOCATION_LABEL = /^(?:job )?location\s*[:\-–]\s*(.+)$/im

function headerFromText(text: string): PostingHeader {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  const title = lines[0]?.replace(/^## /, '') ?? null
  const second = lines[1]?.replace(/^## /, '')
  const shortName = second && second.split(' ').length <= 6 && !/[:.!?]$|:/.test(second) && !second.startsWith('- ')
  return {
    title,
    company: COMPANY_LABEL.exec(text)?.[1]?.trim() ?? (shortName ? second : null),
    location_text: LOCATION_LABEL.exec(text)?.[1]?.trim() ?? null,
  }
}

function headerFromJsonLd(json: string): PostingHeader | null {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    return null
  }
  const items = (Array.isArray(data) ? data : [data, ...asArray(field(data, '@graph'))]) as unknown[]
  const posting = items.find((item) => field(item, '@type') === 'JobPosting')
  if (!posting) return null
  const places = asArray(field(posting, 'jobLocation')).map((place) => {
    const address = field(place, 'address')
    return [field(address, 'addressLocality'), field(address, 'addressRegion')].filter((v) => typeof v === 'string').join(', ')
  })
  return {
    title: clean(asString(field(posting, 'title'))),
    company: clean(asString(field(field(posting, 'hiringOrganization'), 'name'))),
    location_text: clean(places.filter(Boolean).join('; ')),
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function clean(text: string | undefined): string | null {
  const t = text?.replace(/\s+/g, ' ').trim()
  return t ? t : null
}
