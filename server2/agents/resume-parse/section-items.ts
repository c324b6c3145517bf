import { findDateRange } from './parse-date-range.ts'
import { isBulletLine, isHeaderLike, stripBullet, type ResumeLine } from './resume-lines.ts'

/** Detail lines inside a project ("Technologies: React", "Team size: 4"): they describe it, they are not one. */
const PROJECT_DETAIL =
  /^(?:technolog(?:y|ies)(?:\s+used)?|tech(?:nology)?\s*stack|tools(?:\s+used)?|environment|role|team\s*size|duration|description|client|platform|skills\s+used|responsibilit(?:y|ies)|links?|github|url|objective|outcome)\s*[:\-–]/i
const PROJECT_PREFIX = /^(?:(?:academic|mini|major|final\s+year|personal)\s+)?project(?:\s*(?:title|name|\d+|#\d+))?\s*[:\-–]\s*/i

/**
 * Project names. Projects are written as a name line followed by details and
 * bullets; when every line is a bullet, each bullet is a project.
 */
export function projectItems(lines: ResumeLine[], today: Date): string[] {
  const names = lines
    .map((line) => line.text.trim())
    .filter((text) => isHeaderLike(text) && !PROJECT_DETAIL.test(text) && !text.endsWith(':'))
  const items = names.length > 0 ? names : lines.filter((l) => isBulletLine(l.text)).map((l) => stripBullet(l.text))
  return items
    .map((item) => {
      const dates = findDateRange(item, today)
      const undated = dates ? item.slice(0, dates.index) + item.slice(dates.index + dates.text.length) : item
      return undated.replace(PROJECT_PREFIX, '').replace(/\(\s*\)/g, '').replace(/[\s|,–—-]+$/, '').trim()
    })
    .filter((item) => item !== '')
}

/** One item per line (or per ";"/"|"-separated piece): certifications, courses. */
export function listItems(lines: ResumeLine[]): string[] {
  return lines
    .flatMap((line) => stripBullet(line.text).split(/\s*[;|]\s*/))
    .map((item) => item.trim())
    .filter((item) => /\p{L}/u.test(item))
}
