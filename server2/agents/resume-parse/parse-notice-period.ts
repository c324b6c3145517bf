const NOTICE_LABEL = /\b(?:notice\s*period|notice|available\s+to\s+join\s+in|availability|joining\s+(?:time|period)|can\s+join\s+(?:in|within))\b/gi
const DURATION = /^[\s:\-–—=]*(?:of|is|in|within|:)?\s*(?:(\d{1,3})|(one|two|three|four|five|six)|(immediate(?:ly)?|nil|none|no\s+notice|0))\s*(days?|weeks?|months?|joiner)?/i
const IMMEDIATE = /\bimmediate(?:ly)?\s+joiner\b|\b(?:join|joining|available)\s+immediately\b|\bimmediately\s+available\b/i
const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 }
const DAYS_PER: Record<string, number> = { day: 1, week: 7, month: 30 }

/** Notice period in days: "30 days" → 30, "2 months" → 60, "Immediate joiner" → 0. */
export function parseNoticePeriod(text: string): number | null {
  for (const label of text.matchAll(NOTICE_LABEL)) {
    const match = DURATION.exec(text.slice(label.index + label[0].length))
    if (!match) continue
    if (match[3]) return 0
    const count = match[1] ? Number(match[1]) : WORD_NUMBERS[match[2]?.toLowerCase() ?? '']
    const unit = match[4]?.toLowerCase().replace(/s$/, '')
    // A bare number after "Notice period" is days, the unit Indian HR forms use.
    if (count !== undefined && unit !== 'joiner') return count * (DAYS_PER[unit ?? 'day'] ?? 1)
  }
  return IMMEDIATE.test(text) ? 0 : null
}
