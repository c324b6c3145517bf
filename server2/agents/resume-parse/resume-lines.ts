/** One line of the resume text and where it starts, so matches found by offset map back to a line. */
export interface ResumeLine {
  text: string
  offset: number
}

export function toResumeLines(text: string): ResumeLine[] {
  const lines: ResumeLine[] = []
  let offset = 0
  for (const line of text.split('\n')) {
    lines.push({ text: line, offset })
    offset += line.length + 1
  }
  return lines
}

/**
 * Bullet glyphs seen in resumes, including the private-use characters Word's
 * Symbol/Wingdings fonts leave behind (U+F0B7, U+F0A7, U+F0D8) and arrows.
 */
const BULLET = /^\s*(?:[•●▪■□◦○◆◇►▶➢➤✓✔✦★☐·*\-–—>\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|\d{1,2}[.)](?=\s))\s*/u

export function isBulletLine(text: string): boolean {
  return BULLET.test(text)
}

export function stripBullet(text: string): string {
  return text.replace(BULLET, '').trim()
}

/**
 * A line short and plain enough to be a title, company, heading or name rather
 * than a sentence of description.
 */
export function isHeaderLike(text: string): boolean {
  const t = text.trim()
  if (t === '' || isBulletLine(t)) return false
  if (t.length > 90) return false
  if (/[.;]$/.test(t) && !/\b(?:ltd|pvt|inc|co|corp|llp)\.$/i.test(t)) return false
  return t.split(/\s+/).length <= 12
}
